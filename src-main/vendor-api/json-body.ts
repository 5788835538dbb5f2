import type { FastifyRequest } from 'fastify';

export type JsonBody = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * The request body as JSON. The vendor APIs read every body as bytes and parse it here, so that a
 * malformed one is answered in the vendor's own error shape, not fastify's. An empty body is null.
 */
export function jsonBody(request: FastifyRequest): JsonBody {
  const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const text = bytes.toString('utf8').trim();
  if (text === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    // V8 quotes the body around the fault ('Unexpected token …, "…" is not valid JSON'): that quote can hold a secret.
    const problem = (error as Error).message.replace(/, ".*" is not valid JSON$/s, '');
    return { ok: false, message: `the body is not valid JSON: ${problem}` };
  }
}

/** The credentials after `scheme` in the Authorization header (case-insensitive scheme), or null. */
export function authorizationCredentials(request: FastifyRequest, scheme: string): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^(\S+)\s+(\S+)$/.exec(header.trim());
  return match && match[1]!.toLowerCase() === scheme.toLowerCase() ? match[2]! : null;
}
