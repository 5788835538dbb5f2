import { Agent, fetch as undiciFetch } from 'undici';
import type { AppApi } from '../../src-shared/contracts/app-contract.ts';
import { createHttpApi } from '../../src-shared/contracts/http-client.ts';
import { AppError } from '../../src-shared/errors.ts';
import { startAppService, type AppService } from '../services/app-service.ts';
import { readLiveOwner } from '../services/data-dir-owner.ts';

export interface WorkspaceConnection {
  api: AppApi;
  /** Where the command runs: sent to a running Hooklab, or an engine started for this command. */
  via: 'running-app' | 'local-engine';
  local: AppService | null;
  close(): Promise<void>;
}

/**
 * CLI commands on a directory that a running Hooklab owns are sent to it over its API, so the
 * app sees them at once and no second dispatcher ever opens the database. Otherwise the
 * command starts the engine itself for its own duration.
 */
export async function connectWorkspace(dataDir: string): Promise<WorkspaceConnection> {
  const owner = readLiveOwner(dataDir);
  if (owner?.apiUrl && owner.token) {
    // A call answers when its work ends: a scenario run or an endpoint check can take many minutes,
    // past fetch's default of 300 s without response headers. The app bounds every request it
    // sends itself; here only the user's Ctrl+C ends a call.
    const untimed = new Agent({ headersTimeout: 0, bodyTimeout: 0 });
    const fetchUntimed = ((url: string, init?: RequestInit) => undiciFetch(url, { ...(init as object), dispatcher: untimed })) as unknown as typeof fetch;
    const api = createHttpApi({ baseUrl: owner.apiUrl, token: owner.token, fetch: fetchUntimed });
    return { api, via: 'running-app', local: null, close: () => untimed.destroy() };
  }
  if (owner) {
    throw new AppError('conflict', `${dataDir} is busy: another hooklab command (pid ${owner.pid}) is using it. Try again when it ends.`);
  }
  const service = await startAppService({ dataDir, mode: 'cli' });
  // Whatever opening the workspace did or found (permissions made private, credentials sealed) is said once, as serve says it.
  for (const warning of service.warnings) console.error(`hooklab: warning: ${warning}`);
  return {
    api: service.api,
    via: 'local-engine',
    local: service,
    async close() {
      // Let tries already due finish, so a `fire` without a running app still delivers.
      await service.dispatcher.whenIdle();
      await service.close();
    },
  };
}
