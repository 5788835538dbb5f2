const texts = new WeakMap<object, string>();

/**
 * An event's entity state as JSON text, made once per state object: input validation measures
 * it, the outbox stores it when the event is fired, and Sentinel's payload carries it as a string
 * on every try (each was a full JSON.stringify of the state). States are never changed once
 * validated or fired.
 */
export function entityStateJson(state: Record<string, unknown>): string {
  let text = texts.get(state);
  if (text === undefined) {
    text = JSON.stringify(state);
    texts.set(state, text);
  }
  return text;
}
