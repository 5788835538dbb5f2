import { shellQuoted } from '../../src-shared/domain/curl-command.ts';
import type { ProductionRequest } from '../../src-shared/domain/production-export.ts';
import { exportScript } from '../vendors/bash-script.ts';

function curlCommand({ operation, method, url, headers, body }: ProductionRequest): string {
  const headerArgs = Object.entries(headers).map(([name, value]) => `  -H ${shellQuoted(`${name}: ${value}`)} \\`);
  // A quoted here-document: the body goes out byte for byte, nothing in it is expanded by the shell.
  return [
    `echo ${shellQuoted(`${operation}: ${method} ${url}`)} >&2`,
    `curl --silent --show-error --fail-with-body -X ${method} ${shellQuoted(url)} \\`,
    ...headerArgs,
    "  --data-binary @- <<'JSON_BODY'",
    JSON.stringify(body, null, 2),
    'JSON_BODY',
    'echo',
  ].join('\n');
}

/** A bash script that makes the export's API calls in order. */
export function curlScript(title: string, notes: readonly string[], requests: readonly ProductionRequest[]): string {
  return exportScript(title, notes, requests.map(curlCommand));
}
