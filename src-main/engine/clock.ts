/**
 * Time as the engine sees it. Retries are scheduled against this clock, so tests (and, later,
 * a time scale) can run an hour-long vendor schedule without waiting an hour.
 */
export interface Clock {
  now(): number;
  setTimer(delayMs: number, callback: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(delayMs, callback) {
    const timer = setTimeout(callback, Math.max(0, delayMs));
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};
