import { validationError } from '../../src-shared/contracts/contract-kit.ts';
import { DEFAULT_BIN_SCRIPT } from '../../src-shared/domain/bin-script.ts';
import type { CaptureSummary } from '../../src-shared/domain/capture.ts';
import type { ImportCapturesRequest, ImportedCaptures } from '../../src-shared/domain/capture-import.ts';
import type { CapturesPruned } from '../../src-shared/domain/capture-retention.ts';
import { readImport } from '../capture-import/import-format.ts';
import { verifyCapture, type VerificationKeys } from '../receiver/capture-verification.ts';
import type { BinScriptRepository } from '../storage/bin-script-repository.ts';
import { capturedBytes, type CaptureRepository, type NewCapture } from '../storage/capture-repository.ts';
import type { CaptureRetentionRepository } from '../storage/capture-retention-repository.ts';
import type { GroupCommit } from '../storage/group-commit.ts';

export interface CaptureImportDeps {
  commits: GroupCommit;
  captures: CaptureRepository;
  retention: CaptureRetentionRepository;
  scripts: BinScriptRepository;
  keys: VerificationKeys;
  now(): number;
  /** Wall-clock time, for Standard Webhooks timestamps of requests that bring no time of their own. */
  wallNow(): number;
  onCapture(capture: CaptureSummary): void;
  onPruned(pruned: CapturesPruned): void;
}

/**
 * Imported requests become captures of one bin, checked as that bin's script checks what the
 * receiver gets. Every entry is read and checked before the first is stored, and all are stored in
 * one transaction: a bad file imports nothing.
 */
export async function importCaptures(deps: CaptureImportDeps, input: ImportCapturesRequest): Promise<ImportedCaptures> {
  const { format, requests } = readImport(input.text, input.format);
  const script = deps.scripts.get(input.bin) ?? DEFAULT_BIN_SCRIPT;
  const now = deps.now();
  const fileName = input.fileName ?? null;
  const { maxBytes } = deps.retention.limits();
  const records: NewCapture[] = [];
  for (const request of requests) {
    // As the receiver answers 413: a request that alone is over the size limit is never stored.
    const size = capturedBytes(JSON.stringify(request.headers), request.body.length);
    if (size > maxBytes) {
      throw validationError([{ path: 'text', message: `${request.entry}: ${size} bytes with its headers, over the capture size limit (${maxBytes} bytes)` }]);
    }
    const receivedAt = request.receivedAt ?? now;
    const checks = await verifyCapture({ ...request, checkedAt: request.receivedAt ?? deps.wallNow() }, script, deps.keys);
    records.push({
      bin: input.bin,
      method: request.method,
      path: request.path,
      query: request.query,
      headers: request.headers,
      body: request.body,
      remoteAddress: request.remoteAddress,
      // Hooklab answered nothing to an imported request: on record like a dropped connection.
      replyStatus: request.reply?.status ?? 0,
      replyMode: request.reply?.mode ?? 'close',
      ...checks,
      receivedAt,
      source: { kind: 'import', format, fileName, entry: request.entry },
    });
  }
  const { captures, pruned } = await deps.commits.run(() => {
    const inserted = deps.captures.insertMany(records);
    const pruned = deps.retention.prune('capture');
    // A file with more than the limits allow prunes its own oldest requests too: those are neither announced nor returned.
    const kept = pruned ? deps.captures.stored(inserted.map((capture) => capture.id)) : null;
    return { captures: kept ? inserted.filter((capture) => kept.has(capture.id)) : inserted, pruned };
  });
  for (const capture of captures) deps.onCapture(capture);
  if (pruned) deps.onPruned(pruned);
  return { bin: input.bin, captures };
}
