import { randomBytes } from 'node:crypto';
import type { AppMode } from '../../src-shared/domain/app-info.ts';
import { createApiServer } from './api-http-server.ts';
import { startAppService, type AppService } from './app-service.ts';

export interface ServeOptions {
  dataDir: string;
  mode: Extract<AppMode, 'serve' | 'desktop'>;
  host?: string;
  port?: number;
  receiverPort?: number;
  /** Port of the emulated vendor APIs (0: any free port); default: the one this data directory used last. */
  vendorApiPort?: number;
  /** Renderer build to serve; the desktop app serves the API only (its window loads the files). */
  staticDir?: string;
}

export interface ServedWorkspace {
  service: AppService;
  apiUrl: string;
  token: string;
  /** Where a browser opens the UI; the token travels in the fragment, never sent to the server. */
  uiUrl: string;
  close(): Promise<void>;
}

/**
 * An engine plus its HTTP API on loopback. The owner file then names the API, so `hooklab`
 * commands on the same data directory are sent here instead of opening the database.
 */
export async function startServedWorkspace(options: ServeOptions): Promise<ServedWorkspace> {
  const service = await startAppService({
    dataDir: options.dataDir,
    mode: options.mode,
    receiverPort: options.receiverPort,
    vendorApiPort: options.vendorApiPort,
  });
  const token = randomBytes(24).toString('base64url');
  const host = options.host ?? '127.0.0.1';
  const server = createApiServer({
    handlers: service.handlers,
    events: service.events,
    token,
    bindHost: host,
    staticDir: options.staticDir,
  });
  try {
    await server.listen({ host, port: options.port ?? 0 });
  } catch (error) {
    await service.close();
    throw error;
  }
  const port = (server.server.address() as { port: number }).port;
  const apiUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  service.ownership.publish({ apiUrl, token });
  return {
    service,
    apiUrl,
    token,
    uiUrl: `${apiUrl}/#token=${token}`,
    async close() {
      await server.close();
      await service.close();
    },
  };
}
