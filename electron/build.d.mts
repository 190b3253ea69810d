/** Bundles electron/main.ts, preload.ts and the parsing worker to dist-electron/*.cjs, or to `out` (see build.mjs). */
export function buildElectron(out?: string): Promise<void>;
