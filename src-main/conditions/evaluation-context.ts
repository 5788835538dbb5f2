/**
 * What a condition is evaluated against, from a JSON object someone has at hand: either the
 * entity's state itself (`{"entitlement": {…}}`) or a whole Sentinel notification body, whose
 * `currentState` is a JSON *string* (seed 002) and blank when the webhook leaves data out.
 */
export function evaluationContextOf(json: Record<string, unknown>): Record<string, unknown> {
  const isNotification = typeof json.eventName === 'string' && 'currentState' in json;
  if (!isNotification) return json;
  const state = json.currentState;
  if (state === null || state === undefined || (typeof state === 'string' && state.trim() === '')) return {};
  if (typeof state === 'object' && !Array.isArray(state)) return state as Record<string, unknown>;
  if (typeof state !== 'string') throw new Error('currentState must be a JSON string or object');
  let parsed: unknown;
  try {
    parsed = JSON.parse(state);
  } catch (error) {
    throw new Error(`currentState is not valid JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('currentState is not a JSON object');
  return parsed as Record<string, unknown>;
}
