import type { AppApi } from '../../../src-shared/contracts/app-contract.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge); absent in a plain browser. */
    hooklab?: AppApi;
  }
}

export function electronBridge(): AppApi | null {
  return window.hooklab ?? null;
}
