import { XlsxFormatError } from './xlsxGuard';

/**
 * A forward-only scanner over the XML of an xlsx part, on its bytes: each byte is looked at once,
 * so time grows with the part's size and never with its shape (an unclosed <row> or <si> is met
 * as the next opening tag, not searched for to the end of the part again and again). Values stay
 * in the Buffer until a reader asks for one: a 70 MB sheet is never one 140 MB string. Only what
 * the readers need: element names without their namespace prefix, attributes, text.
 *
 * The scanner holds the current tag (`next()` moves to the following one), so that scanning a
 * million cells allocates nothing per tag.
 */
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;

const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

export class XmlScanner {
  private pos: number;
  /** the current tag: where '<' is, just after '>', its local name (after any "x:" prefix) */
  start = 0;
  end = 0;
  private nameStart = 0;
  private nameEnd = 0;
  closing = false;
  selfClosing = false;

  constructor(
    readonly buf: Buffer,
    /** the part's name, for messages */
    readonly part: string,
  ) {
    // a UTF-8 byte order mark before the declaration
    this.pos = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  }

  private truncated(what: string): never {
    throw new XlsxFormatError(`xlsx 文件中 ${this.part} 的 XML 不完整（${what}没有结束）/ truncated XML`);
  }

  /** Moves to the next element tag; comments, processing instructions, CDATA and DOCTYPE are stepped over. False at the end. */
  next(): boolean {
    const { buf } = this;
    const n = buf.length;
    for (;;) {
      let lt = this.pos;
      while (lt < n && buf[lt] !== LT) lt++;
      if (lt >= n) return false;
      const b1 = buf[lt + 1];
      if (b1 === BANG || b1 === QUESTION) {
        const close = b1 === QUESTION ? '?>' : buf[lt + 2] === 0x2d ? '-->' : buf[lt + 2] === 0x5b ? ']]>' : '>';
        const at = buf.indexOf(close, lt + 2);
        if (at < 0) this.truncated('注释或声明');
        this.pos = at + close.length;
        continue;
      }
      const closing = b1 === SLASH;
      let i = closing ? lt + 2 : lt + 1;
      let nameStart = i;
      while (i < n) {
        const b = buf[i]!;
        if (isSpace(b) || b === SLASH || b === GT) break;
        if (b === COLON) nameStart = i + 1;
        i++;
      }
      const nameEnd = i;
      while (i < n && buf[i] !== GT) i++;
      if (i >= n) this.truncated('标签');
      this.start = lt;
      this.end = i + 1;
      this.nameStart = nameStart;
      this.nameEnd = nameEnd;
      this.closing = closing;
      this.selfClosing = !closing && buf[i - 1] === SLASH;
      this.pos = i + 1;
      return true;
    }
  }

  /** Whether the current tag's local name is `name` (ASCII), compared on bytes. */
  is(name: string): boolean {
    if (this.nameEnd - this.nameStart !== name.length) return false;
    for (let k = 0; k < name.length; k++) if (this.buf[this.nameStart + k] !== name.charCodeAt(k)) return false;
    return true;
  }

  /** Where an attribute's value lies in the current tag: [start, end), or null when absent. `name` may carry a prefix ("r:id"). */
  private attrRange(name: string): [number, number] | null {
    const { buf } = this;
    const stop = this.selfClosing ? this.end - 2 : this.end - 1;
    let i = this.nameEnd;
    while (i < stop) {
      while (i < stop && isSpace(buf[i]!)) i++;
      const ns = i;
      while (i < stop && buf[i] !== EQUALS && !isSpace(buf[i]!)) i++;
      const ne = i;
      while (i < stop && isSpace(buf[i]!)) i++;
      if (buf[i] !== EQUALS) return null; // not an attribute list we can read: treat as absent
      i++;
      while (i < stop && isSpace(buf[i]!)) i++;
      const quote = buf[i];
      if (quote !== 0x22 && quote !== 0x27) return null;
      const vs = i + 1;
      let ve = vs;
      while (ve < stop && buf[ve] !== quote) ve++;
      i = ve + 1;
      if (ne - ns === name.length) {
        let k = 0;
        while (k < name.length && buf[ns + k] === name.charCodeAt(k)) k++;
        if (k === name.length) return [vs, ve];
      }
    }
    return null;
  }

  /** An attribute's value, entities decoded; null when absent. */
  attr(name: string): string | null {
    const r = this.attrRange(name);
    return r ? unescapeXml(this.buf.toString('utf8', r[0], r[1])) : null;
  }

  /** An attribute whose value is ASCII by the format (a cell reference, a style number, a type), undecoded. */
  asciiAttr(name: string): string | null {
    const r = this.attrRange(name);
    return r ? this.buf.toString('latin1', r[0], r[1]) : null;
  }

  /**
   * The text from the end of an earlier tag to the start of the current one, entities and Excel's
   * _xHHHH_ escapes decoded; a CDATA section gives its content as written, a comment nothing.
   */
  textSince(from: number): string {
    const s = this.buf.toString('utf8', from, this.start);
    if (!s.includes('<')) return unescapeXml(s);
    // the scanner already found the end of every section here, so each pattern meets its closer
    let out = '';
    let last = 0;
    for (const m of s.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->/g)) {
      out += unescapeXml(s.slice(last, m.index)) + (m[1] ?? '');
      last = m.index + m[0].length;
    }
    return out + unescapeXml(s.slice(last));
  }
}

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function codePoint(n: number): string {
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\uFFFD';
}

export function unescapeXml(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);/g, (_, e: string) =>
      e[0] === '#' ? codePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITY[e]!,
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}
