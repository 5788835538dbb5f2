import { VENDOR_API_LOG_SIZE, type VendorApiCall } from '../../../src-shared/domain/vendor-api.ts';

/**
 * The live log from two sources, the engine's list and the calls pushed as they are answered:
 * newest first, each call once (the list may already hold one that also arrived live), as many
 * as the engine keeps.
 */
export function mergedCalls(a: readonly VendorApiCall[], b: readonly VendorApiCall[]): VendorApiCall[] {
  const byId = new Map<string, VendorApiCall>();
  for (const call of [...a, ...b]) byId.set(call.id, call);
  return [...byId.values()].sort((x, y) => y.at - x.at).slice(0, VENDOR_API_LOG_SIZE);
}
