/** Bundles electron/main.ts and preload.ts to dist-electron/*.cjs (see build.mjs). */
export function buildElectron(): Promise<void>;
