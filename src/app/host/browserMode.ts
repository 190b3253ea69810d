import path from 'node:path';
import { PaybenchStore } from '../../../db/store';
import { startHttpServer, type RunningHttpServer } from './httpServer';

/** Opens (creating and seeding if new) the database and serves the built renderer and the API. */
export interface BrowserMode {
  server: RunningHttpServer;
  store: PaybenchStore;
  close(): Promise<void>;
}

export async function startBrowserMode(opts: { root: string; dbFile: string; port?: number; token?: string }): Promise<BrowserMode> {
  const store = PaybenchStore.open(opts.dbFile);
  try {
    const server = await startHttpServer({ ctx: { store }, rendererDir: path.join(opts.root, 'dist', 'renderer'), port: opts.port, token: opts.token });
    return {
      server,
      store,
      close: async () => {
        await server.close();
        store.close();
      },
    };
  } catch (e) {
    store.close();
    throw e;
  }
}
