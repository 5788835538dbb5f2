import { z } from 'zod';
import { formatIssuePath, issueMessages } from '../../src-shared/contracts/contract-kit.ts';
import { BIN_REPLY_MODES } from '../../src-shared/domain/bin-script.ts';
import { decodeBase64 } from './base64-text.ts';
import { checkBodySize, isHttpMethod, type ImportedRequest, type ImportProblems } from './imported-request.ts';

/** What `getCapture` / `hooklab captures show --json` gives; other fields (id, bin, checks) are the target's to set. */
const captureSchema = z.object({
  method: z.string().refine(isHttpMethod, 'must be an HTTP method'),
  path: z.string().startsWith('/', 'must start with /'),
  query: z.string().default(''),
  headers: z.record(z.string(), z.string()),
  body: z.discriminatedUnion('encoding', [
    z.object({ encoding: z.literal('utf8'), text: z.string() }),
    z.object({ encoding: z.literal('base64'), base64: z.string() }),
  ]),
  receivedAt: z.number().int().nonnegative().optional(),
  remoteAddress: z.string().default(''),
  replyStatus: z.number().int().min(0).max(999).optional(),
  replyMode: z.enum(BIN_REPLY_MODES).optional(),
});

/** One Hooklab capture detail, or a list of them, as exported from any workspace. */
export function hooklabCaptureRequests(json: unknown, problems: ImportProblems): ImportedRequest[] {
  const list = Array.isArray(json) ? json : [json];
  if (list.length === 0) problems.add('text', 'holds an empty list: no captures to import');
  return list.flatMap((item, index) => {
    const entry = Array.isArray(json) ? `[${index}]` : '';
    const at = (path: string) => (entry && path ? `${entry}.${path}` : entry || path);
    const parsed = captureSchema.safeParse(item, { error: issueMessages });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.add(at(formatIssuePath(issue.path)) || 'text', issue.message);
      return [];
    }
    const capture = parsed.data;
    const body = capture.body.encoding === 'utf8' ? Buffer.from(capture.body.text, 'utf8') : decodeBase64(capture.body.base64);
    if (!body) {
      problems.add(at('body.base64'), 'must be base64');
      return [];
    }
    checkBodySize(body, at('body'), problems);
    const reply = capture.replyStatus !== undefined && capture.replyMode ? { status: capture.replyStatus, mode: capture.replyMode } : null;
    return [
      {
        entry: entry || 'capture',
        method: capture.method,
        path: capture.path,
        query: capture.query,
        headers: capture.headers,
        body,
        receivedAt: capture.receivedAt ?? null,
        remoteAddress: capture.remoteAddress,
        reply,
      },
    ];
  });
}
