import { CAPTURE_IMPORT_REQUESTS_MAX } from '../../src-shared/domain/capture-import.ts';
import type { CaptureImportFormat } from '../../src-shared/domain/capture-source.ts';
import { formatIssuePath } from '../../src-shared/contracts/contract-kit.ts';
import { tooDeepMessage, tooDeepPath } from '../../src-shared/domain/json-depth.ts';
import { isJsonObject } from '../../src-shared/domain/json-object.ts';
import { curlRequests } from './curl-requests.ts';
import { harRequests } from './har-requests.ts';
import { hooklabCaptureRequests } from './hooklab-capture-requests.ts';
import { ImportProblems, type ImportedRequest } from './imported-request.ts';

export interface ReadImport {
  format: CaptureImportFormat;
  requests: ImportedRequest[];
}

const isHar = (json: unknown) => isJsonObject(json) && 'log' in json;

/**
 * Every request in an import file, or a validation error naming each bad entry: the file is read
 * whole before anything is stored, so a bad one imports nothing.
 */
export function readImport(text: string, wanted: CaptureImportFormat | 'auto'): ReadImport {
  const problems = new ImportProblems();
  const trimmed = text.trimStart();
  const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[');
  let format: CaptureImportFormat;
  let requests: ImportedRequest[] = [];
  if (wanted === 'curl' || (wanted === 'auto' && !looksJson)) {
    format = 'curl';
    if (wanted === 'auto' && !/^(?:#[^\n]*\n\s*)*curl\s/.test(trimmed)) {
      problems.add('text', 'is neither JSON (Hooklab captures, HAR) nor a curl command');
    } else {
      requests = curlRequests(text, problems);
    }
  } else {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      problems.add('text', `is not valid JSON (${(error as Error).message})`);
    }
    const deep = tooDeepPath(json);
    if (deep !== null) problems.add('text', `${tooDeepMessage} (at ${formatIssuePath(deep)})`);
    format = wanted === 'auto' ? (isHar(json) ? 'har' : 'hooklab') : wanted;
    if (problems.empty) requests = format === 'har' ? harRequests(json, problems) : hooklabCaptureRequests(json, problems);
  }
  if (requests.length > CAPTURE_IMPORT_REQUESTS_MAX) {
    problems.add('text', `holds ${requests.length} requests; one import takes at most ${CAPTURE_IMPORT_REQUESTS_MAX}`);
  }
  problems.throwIfAny();
  return { format, requests };
}
