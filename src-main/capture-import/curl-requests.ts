import type { HttpHeaders } from '../../src-shared/domain/http-message.ts';
import {
  addHeader,
  checkBodySize,
  isHttpMethod,
  keepOriginalHost,
  requestTarget,
  URL_RULE,
  type ImportedRequest,
  type ImportProblems,
} from './imported-request.ts';
import { splitShellCommands, type ShellCommand } from './shell-words.ts';

const DATA_OPTIONS = new Set(['-d', '--data', '--data-raw', '--data-binary', '--data-ascii']);
/** Options that change nothing about the request as a receiver sees it. */
const IGNORED_FLAGS = new Set([
  '--compressed',
  '-k',
  '--insecure',
  '-s',
  '--silent',
  '-S',
  '--show-error',
  '-L',
  '--location',
  '-i',
  '--include',
  '-v',
  '--verbose',
  '-f',
  '--fail',
  '-g',
  '--globoff',
  '--http1.1',
  '--http2',
  '-N',
  '--no-buffer',
]);
const IGNORED_WITH_VALUE = new Set(['-o', '--output', '-m', '--max-time', '--connect-timeout', '-w', '--write-out', '--retry']);

/** Each `curl …` command in the text (copied from browser dev tools or a vendor's log) as a request. */
export function curlRequests(text: string, problems: ImportProblems): ImportedRequest[] {
  const commands = splitShellCommands(text, problems);
  if (commands.length === 0 && problems.empty) problems.add('text', 'holds no curl command');
  return commands.flatMap((command) => {
    const request = curlRequest(command, problems);
    return request ? [request] : [];
  });
}

function curlRequest({ line, words }: ShellCommand, problems: ImportProblems): ImportedRequest | null {
  const entry = `line ${line}`;
  const args = words.map((word) => word.toString('utf8'));
  if (args[0] !== 'curl') {
    problems.add(entry, `must start with curl, not "${args[0]}"`);
    return null;
  }
  const headers: HttpHeaders = {};
  const data: Buffer[] = [];
  let method: string | null = null;
  let url: string | null = null;
  let user: string | null = null;
  let problemCount = 0;
  const problem = (message: string) => {
    problems.add(entry, message);
    problemCount += 1;
  };

  for (let i = 1; i < args.length; i += 1) {
    const arg = args[i];
    const takesValue = arg.startsWith('-') && !IGNORED_FLAGS.has(arg);
    if (takesValue && i + 1 >= args.length) {
      problem(`${arg} needs a value`);
      break;
    }
    if (!arg.startsWith('-') || arg === '--url') {
      if (arg === '--url') i += 1;
      if (url !== null) problem(`holds more than one URL (${url}, ${args[i]}); import one request per command`);
      url = args[i];
    } else if (arg === '-X' || arg === '--request') {
      method = args[++i];
    } else if (arg === '-H' || arg === '--header') {
      const header = args[++i];
      const colon = header.indexOf(':');
      // curl: "Name;" sends an empty header, "Name:" removes one curl would add (nothing to keep).
      if (colon > 0) {
        const value = header.slice(colon + 1).trim();
        if (value !== '') addHeader(headers, header.slice(0, colon).trim(), value);
      } else if (header.endsWith(';')) addHeader(headers, header.slice(0, -1).trim(), '');
      else problem(`-H "${header}": must be "Name: value"`);
    } else if (DATA_OPTIONS.has(arg)) {
      const value = words[++i];
      if (arg !== '--data-raw' && value[0] === 0x40) problem(`${arg} ${args[i]}: reading the body from a file (@…) is not supported; paste the body instead`);
      else data.push(value);
    } else if (arg === '-u' || arg === '--user') {
      user = args[++i];
    } else if (arg === '-b' || arg === '--cookie') {
      addHeader(headers, 'cookie', args[++i]);
    } else if (arg === '-A' || arg === '--user-agent') {
      addHeader(headers, 'user-agent', args[++i]);
    } else if (arg === '-e' || arg === '--referer') {
      addHeader(headers, 'referer', args[++i]);
    } else if (IGNORED_WITH_VALUE.has(arg)) {
      i += 1;
    } else if (!IGNORED_FLAGS.has(arg)) {
      problem(`unsupported curl option ${arg}`);
    }
  }

  if (url === null) problem('has no URL');
  const target = url === null ? null : requestTarget(url);
  if (url !== null && !target) problem(`URL "${url}": ${URL_RULE}`);
  if (method !== null && !isHttpMethod(method)) problem(`-X "${method}": must be an HTTP method`);
  // curl joins several -d values with & and sends them as a form unless told otherwise.
  const body = Buffer.concat(data.flatMap((part, index) => (index === 0 ? [part] : [Buffer.from('&'), part])));
  checkBodySize(body, entry, problems);
  if (problemCount > 0 || !target) return null;
  if (data.length > 0 && !Object.hasOwn(headers, 'content-type')) headers['content-type'] = 'application/x-www-form-urlencoded';
  keepOriginalHost(headers, url!);
  if (user !== null && !Object.hasOwn(headers, 'authorization')) headers.authorization = `Basic ${Buffer.from(user, 'utf8').toString('base64')}`;
  return {
    entry,
    method: method ?? (data.length > 0 ? 'POST' : 'GET'),
    ...target,
    headers,
    body,
    receivedAt: null,
    remoteAddress: '',
    reply: null,
  };
}
