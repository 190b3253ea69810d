/** Small timing helpers shared by the benches: medians over repeated runs, RSS, target lines. */
export function timeMs(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function timeMsAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function rssMb(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}

let misses = 0;
/** Prints one figure against its target; remembers a miss for the exit code. */
export function report(name: string, value: number, unit: string, target?: number): void {
  const ok = target === undefined || value <= target;
  if (!ok) misses++;
  const t = target === undefined ? '' : ` (target ≤ ${target} ${unit}) ${ok ? 'ok' : 'FAIL'}`;
  console.log(`${name}: ${value.toFixed(value < 10 ? 3 : 1)} ${unit}${t}`);
}

export function finish(): void {
  process.exit(misses ? 1 : 0);
}
