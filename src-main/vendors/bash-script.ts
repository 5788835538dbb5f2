/** A comment line; a line break in a user's text would end the comment and run the rest. */
export function bashComment(text: string): string {
  return `# ${text.replace(/[\r\n]+/g, ' ')}`;
}

/**
 * A bash script of the production export. Placeholders are `{{NAME}}`, the same as in the JSON
 * file, so one find-and-replace fills both; the script refuses to run while any is left, rather
 * than send one to the vendor or an endpoint.
 */
export function exportScript(title: string, notes: readonly string[], steps: readonly string[]): string {
  return [
    '#!/usr/bin/env bash',
    bashComment(title),
    ...notes.map(bashComment),
    '# Replace every {{...}} placeholder in this file, then run it with bash.',
    'set -euo pipefail',
    // The bracket expressions keep this line from matching itself.
    `if grep -Eq '[{][{][A-Z0-9_]+[}][}]' "$0"; then echo "$0: replace the {{...}} placeholders first" >&2; exit 2; fi`,
    ...steps,
    '',
  ].join('\n');
}
