/** `npm start` options: --db FILE, --port N, --no-open; values may also be given as --db=FILE. */
export interface StartArgs {
  db: string | null;
  port: number | undefined;
  open: boolean;
  browserMode: boolean;
}

export function parseStartArgs(argv: string[]): StartArgs {
  const out: StartArgs = { db: null, port: undefined, open: true, browserMode: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`参数 ${flag} 缺少取值 / ${flag} needs a value`);
      return v;
    };
    if (flag === '--db') out.db = value();
    else if (flag === '--port') {
      const v = value();
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < 1 || n > 65535) throw new Error(`--port 应为 1–65535 的整数，收到“${v}” / --port must be 1–65535`);
      out.port = n;
    } else if (flag === '--no-open') out.open = false;
    else if (flag === '--browser') out.browserMode = true;
    else throw new Error(`未知参数 ${flag} / unknown option (用法: npm start -- [--db FILE] [--port N] [--no-open] [--browser])`);
  }
  return out;
}
