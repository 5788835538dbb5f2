/**
 * Sentinel EMS sends the entity states as JSON *strings* inside the JSON body
 * (`"currentState": "{\"id\":…}"`). These helpers pretty-print a body and, on request,
 * decode those nested strings so the state reads as a structure.
 */
export const NESTED_JSON_FIELDS = ['currentState', 'previousState'] as const;

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export function isJsonContent(contentType: string | null | undefined, body: string): boolean {
  if (contentType && /[/+]json\b/i.test(contentType)) return true;
  const start = body.trimStart()[0];
  return (start === '{' || start === '[') && parseJson(body).ok;
}

/** Names of the top-level fields that hold a JSON document as a string. */
export function nestedJsonFields(body: string): string[] {
  const parsed = parseJson(body);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) return [];
  const record = parsed.value as Record<string, unknown>;
  return NESTED_JSON_FIELDS.filter((field) => {
    const value = record[field];
    return typeof value === 'string' && parseJson(value).ok;
  });
}

export function prettyBody(body: string, decodeNested: boolean): string {
  const parsed = parseJson(body);
  if (!parsed.ok) return body;
  let value = parsed.value;
  if (decodeNested && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const field of NESTED_JSON_FIELDS) {
      const nested = record[field];
      if (typeof nested === 'string') {
        const decoded = parseJson(nested);
        if (decoded.ok) record[field] = decoded.value;
      }
    }
    value = record;
  }
  return JSON.stringify(value, null, 2);
}
