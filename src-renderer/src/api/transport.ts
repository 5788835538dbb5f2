import type { AppApi } from '../../../src-shared/contracts/app-contract.ts';
import { createHttpApi } from '../../../src-shared/contracts/http-client.ts';
import { electronBridge } from './electron-bridge.ts';
import { takeServeToken } from './serve-token.ts';

export type Transport = { kind: 'ipc'; api: AppApi } | { kind: 'http'; api: AppApi } | { kind: 'missing-token' };

/** Picked once at startup: IPC inside Electron, HTTP + server-sent events in serve mode. */
export function pickTransport(): Transport {
  const bridge = electronBridge();
  if (bridge) return { kind: 'ipc', api: bridge };
  const token = takeServeToken();
  if (!token) return { kind: 'missing-token' };
  return { kind: 'http', api: createHttpApi({ baseUrl: window.location.origin, token }) };
}
