import { type Decimal, round } from '../money/decimal';

/**
 * 人民币大写 (the amount in Chinese capitals) as a finance bureau writes it on a budget or a
 * cheque, following 《支付结算办法》附件: 壹拾贰万叁仟肆佰伍拾陆元柒角捌分; an amount that stops
 * at 元 or 角 ends in 整; a zero inside the integer part is read once (壹万零伍元); 角 zero with
 * 分 not zero reads 元零捌分; negative amounts start with 负. A spreadsheet has no portable
 * formula for this (Excel's NUMBERSTRING/TEXT [DBNum2] differ from WPS and LibreOffice), so the
 * workbook carries it as text computed here.
 */
const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACES = ['', '拾', '佰', '仟'];
/** section units, every four digits: 元, 万, 亿, 万亿 */
const SECTIONS = ['', '万', '亿', '万亿'];

/** One four-digit section (1..9999), with zeros inside read once and trailing zeros dropped. */
function sectionText(n: number): string {
  let out = '';
  let pendingZero = false;
  for (let place = 3; place >= 0; place--) {
    const d = Math.floor(n / 10 ** place) % 10;
    if (d === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[d]! + PLACES[place]!;
  }
  return out;
}

function integerText(yuan: bigint): string {
  if (yuan === 0n) return '';
  const sections: number[] = [];
  for (let v = yuan; v > 0n; v /= 10000n) sections.push(Number(v % 10000n));
  if (sections.length > SECTIONS.length) throw new RangeError('金额过大，无法写成人民币大写');
  let out = '';
  let zeroBefore = false;
  for (let i = sections.length - 1; i >= 0; i--) {
    const s = sections[i]!;
    if (s === 0) {
      if (out) zeroBefore = true;
      continue;
    }
    // 壹拾万零伍佰: a lower section without its thousands digit, after a higher one, is preceded by 零
    if (out && (zeroBefore || s < 1000)) out += '零';
    zeroBefore = false;
    out += sectionText(s) + SECTIONS[i]!;
  }
  return out;
}

/** The amount, rounded to the fen (四舍五入), in Chinese capitals. */
export function rmbCapitals(amount: Decimal): string {
  const fen = round(amount, 2).units;
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const yuan = abs / 100n;
  const jiao = Number((abs / 10n) % 10n);
  const fenDigit = Number(abs % 10n);
  const sign = negative ? '负' : '';
  if (abs === 0n) return '零元整';

  const int = integerText(yuan);
  let out = int ? int + '元' : '';
  if (jiao === 0 && fenDigit === 0) return sign + out + '整';
  if (jiao !== 0) out += DIGITS[jiao]! + '角';
  else if (int) out += '零'; // 元零捌分
  if (fenDigit !== 0) out += DIGITS[fenDigit]! + '分';
  else out += '整'; // stops at 角
  return sign + out;
}
