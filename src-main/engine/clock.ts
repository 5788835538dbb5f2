/**
 * Time as the engine sees it. Retries are scheduled against this clock, so tests and the time
 * scale can run an hour-long vendor schedule without waiting an hour.
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

/** A clock whose vendor time runs `scale` times faster than its base; the scale can change. */
export interface ScaledClock extends Clock {
  readonly scale: number;
  setScale(scale: number): void;
  /**
   * Puts vendor time back to the base clock's now and answers by how much it moved (vendor ms,
   * negative when the clock ran ahead). A pending timer keeps what was left of its delay: a retry
   * due in one hour of vendor time is still due in one hour, not two days and an hour.
   */
  reset(): number;
}

interface PendingTimer {
  /** Vendor time at which it fires: stays put when the scale changes. */
  due: number;
  callback: () => void;
  cancelBase: () => void;
}

/**
 * Vendor time = where vendor time stood when the scale last changed + base time elapsed since
 * then × scale. Timers are kept in vendor time, so a scale change re-arms each pending one
 * for what is left of it at the new pace, and nothing fires early or is lost.
 */
export function createScaledClock(base: Clock, initialScale = 1): ScaledClock {
  let scale = checkScale(initialScale);
  let baseAnchor = base.now();
  let vendorAnchor = baseAnchor;
  const pending = new Set<PendingTimer>();

  const now = () => vendorAnchor + (base.now() - baseAnchor) * scale;

  const arm = (timer: PendingTimer) => {
    // Rounded up to whole base milliseconds: a base time a fraction short of the due vendor time
    // (83.33… ms for 300 s at 3600×) would fire with vendor time just before it.
    timer.cancelBase = base.setTimer(Math.ceil(Math.max(0, timer.due - now()) / scale), () => {
      pending.delete(timer);
      timer.callback();
    });
  };

  return {
    now,
    get scale() {
      return scale;
    },
    setTimer(delayMs, callback) {
      const timer: PendingTimer = { due: now() + Math.max(0, delayMs), callback, cancelBase: () => {} };
      pending.add(timer);
      arm(timer);
      return () => {
        pending.delete(timer);
        timer.cancelBase();
      };
    },
    setScale(next) {
      checkScale(next);
      if (next === scale) return;
      vendorAnchor = now();
      baseAnchor = base.now();
      scale = next;
      for (const timer of pending) {
        timer.cancelBase();
        arm(timer);
      }
    },
    reset() {
      const shift = base.now() - now();
      vendorAnchor += shift;
      // What is left of each delay, in base time, is unchanged: the base timers stay armed.
      for (const timer of pending) timer.due += shift;
      return shift;
    },
  };
}

function checkScale(scale: number): number {
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`time scale must be a positive number, not ${scale}`);
  return scale;
}
