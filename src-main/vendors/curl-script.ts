import { shellQuoted } from '../../src-shared/domain/curl-command.ts';
import type { ProductionRequest } from '../../src-shared/domain/production-export.ts';
import { exportScript } from './bash-script.ts';

/**
 * Text as one shell word: single-quoted, except the `${NAME}` of values kept by earlier requests,
 * which the shell expands (in double quotes, so a kept value stays one word).
 */
function shellWord(text: string, kept: ReadonlySet<string>): string {
  return text
    .split(/(\$\{[A-Za-z_][A-Za-z0-9_]*\})/)
    .map((part) => (kept.has(part.slice(2, -1)) && part.startsWith('${') ? `"${part}"` : part === '' ? '' : shellQuoted(part)))
    .join('');
}

/** A sed program printing the string value of `field` in a one-level JSON object (no jq on many machines). */
function jsonFieldSed(field: string): string {
  return shellQuoted(`s/.*"${field}"[[:space:]]*:[[:space:]]*"\\([^"]*\\)".*/\\1/p`);
}

function curlCommand(request: ProductionRequest, kept: ReadonlySet<string>): string[] {
  const { operation, method, url, headers, basicAuth, body, form, alsoAccepted = [], keep } = request;
  const label = `${operation}: ${method} ${url}`;
  const heredoc = !form && body !== null;
  const data = form
    ? Object.entries(form).map(([name, value]) => `  --data-urlencode ${shellWord(`${name}=${value}`, kept)} \\`)
    : heredoc
      ? ['  --data-binary @-']
      : [];
  // The status comes last on its own line, so an error status the script accepts (409) can be told from one it does not.
  // The body's here-document feeds a { …; } group, outside the command substitution: macOS's bash 3.2
  // misparses a here-document inside $( ), running backticks and choking on quotes in the body.
  const lines = [
    `echo ${shellQuoted(label)} >&2`,
    `${heredoc ? '{ ' : ''}response=$(curl --silent --show-error -w '\\n%{http_code}' -X ${method} ${shellWord(url, kept)} \\`,
    ...(basicAuth ? [`  --user ${shellWord(`${basicAuth.username}:${basicAuth.password}`, kept)} \\`] : []),
    ...Object.entries(headers).map(([name, value]) => `  -H ${shellWord(`${name}: ${value}`, kept)} \\`),
    ...data,
    ...(heredoc ? ["  ); } <<'JSON_BODY'", JSON.stringify(body, null, 2), 'JSON_BODY'] : ['  )']),
  ];
  lines.push(
    // Shell parameter expansions: the status is the last line, the answer the lines before it.
    `status=\${response##*$'\\n'}`,
    `response=\${response%$'\\n'*}`,
    `case "$status" in 2??${alsoAccepted.map((status) => `|${status}`).join('')}) ;; *) printf '%s\\n' "$response" >&2; echo ${shellQuoted(`${operation} failed: HTTP`)} "$status" >&2; exit 1 ;; esac`,
  );
  // A kept value is a credential: it stays out of the script's output.
  if (!keep) lines.push(`printf '%s\\n' "$response"`);
  else {
    lines.push(
      `${keep.variable}=$(printf '%s' "$response" | sed -n ${jsonFieldSed(keep.field)})`,
      `if [ -z "$${keep.variable}" ]; then echo ${shellQuoted(`${operation}: no ${keep.field} in the response`)} >&2; exit 1; fi`,
    );
  }
  return lines;
}

/** A bash script that makes the export's API calls in order; it stops at the first that fails. */
export function curlScript(title: string, notes: readonly string[], requests: readonly ProductionRequest[]): string {
  const kept = new Set<string>();
  const steps = requests.map((request) => {
    const step = curlCommand(request, kept).join('\n');
    if (request.keep) kept.add(request.keep.variable);
    return step;
  });
  return exportScript(title, notes, steps);
}
