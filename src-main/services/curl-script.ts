import { shellQuoted } from '../../src-shared/domain/curl-command.ts';
import type { ProductionRequest } from '../../src-shared/domain/production-export.ts';

/** A comment line; a line break in a user's text would end the comment and run the rest. */
function comment(text: string): string {
  return `# ${text.replace(/[\r\n]+/g, ' ')}`;
}

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

/**
 * A bash script that makes the export's API calls in order. Placeholders are `{{NAME}}`, the
 * same as in the JSON file, so one find-and-replace fills both; the script refuses to run while
 * any is left, rather than send one to the vendor.
 */
export function curlScript(title: string, notes: readonly string[], requests: readonly ProductionRequest[]): string {
  return [
    '#!/usr/bin/env bash',
    comment(title),
    ...notes.map(comment),
    '# Replace every {{...}} placeholder in this file, then run it with bash.',
    'set -euo pipefail',
    // The bracket expressions keep this line from matching itself.
    `if grep -Eq '[{][{][A-Z0-9_]+[}][}]' "$0"; then echo "$0: replace the {{...}} placeholders first" >&2; exit 2; fi`,
    ...requests.map(curlCommand),
    '',
  ].join('\n');
}
