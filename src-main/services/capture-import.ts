import { DEFAULT_BIN_SCRIPT } from '../../src-shared/domain/bin-script.ts';
import type { CaptureSummary } from '../../src-shared/domain/capture.ts';
import type { ImportCapturesRequest, ImportedCaptures } from '../../src-shared/domain/capture-import.ts';
import { readImport } from '../capture-import/import-format.ts';
import { verifyCapture, type VerificationKeys } from '../receiver/capture-verification.ts';
import type { BinScriptRepository } from '../storage/bin-script-repository.ts';
import type { CaptureRepository, NewCapture } from '../storage/capture-repository.ts';
import type { GroupCommit } from '../storage/group-commit.ts';

export interface CaptureImportDeps {
  commits: GroupCommit;
  captures: CaptureRepository;
  scripts: BinScriptRepository;
  keys: VerificationKeys;
  now(): number;
  onCapture(capture: CaptureSummary): void;
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
  const records: NewCapture[] = [];
  for (const request of requests) {
    const receivedAt = request.receivedAt ?? now;
    const checks = await verifyCapture({ ...request, receivedAt }, script, deps.keys);
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
  const captures = await deps.commits.run(() => deps.captures.insertMany(records));
  for (const capture of captures) deps.onCapture(capture);
  return { bin: input.bin, captures };
}
