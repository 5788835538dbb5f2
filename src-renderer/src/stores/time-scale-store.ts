import { create } from 'zustand';
import type { TimeScale, TimeScaleState } from '../../../src-shared/domain/time-scale.ts';
import { appApi } from '../api/app-api.ts';
import { toUiError, type UiError } from '../api/ui-error.ts';

/** The engine clock as last read, and when (real time), so the UI can run it forward itself. */
interface ClockReading {
  vendorNow: number;
  /** Real time where the engine read it: vendorNow minus this is how far the engine clock is off. */
  realNow: number;
  readAt: number;
}

interface TimeScaleStore {
  scale: TimeScale | null;
  reading: ClockReading | null;
  error: UiError | null;
  load(): Promise<void>;
  set(scale: TimeScale): Promise<void>;
  /** Puts the engine clock back to real time, keeping the scale. */
  reset(): Promise<void>;
}

const reading = (state: TimeScaleState): Pick<TimeScaleStore, 'scale' | 'reading' | 'error'> => ({
  scale: state.scale,
  reading: { vendorNow: state.vendorNow, realNow: state.realNow, readAt: Date.now() },
  error: null,
});

/** How fast the engine's clock runs; shared by every window of the workspace through the engine. */
export const useTimeScale = create<TimeScaleStore>()((set) => ({
  scale: null,
  reading: null,
  error: null,
  async load() {
    try {
      set(reading(await appApi().getTimeScale()));
    } catch (error) {
      set({ error: toUiError(error) });
    }
  },
  async set(scale) {
    try {
      set(reading(await appApi().setTimeScale({ scale })));
    } catch (error) {
      set({ error: toUiError(error) });
    }
  },
  async reset() {
    try {
      set(reading(await appApi().resetClock()));
    } catch (error) {
      set({ error: toUiError(error) });
    }
  },
}));

/** The engine's (vendor) time now, run forward from the last reading at the current scale. */
export function vendorNow(state: Pick<TimeScaleStore, 'scale' | 'reading'>, realNow = Date.now()): number | null {
  if (!state.scale || !state.reading) return null;
  return state.reading.vendorNow + (realNow - state.reading.readAt) * state.scale;
}

/** How far the engine clock is ahead of real time (negative: behind), run forward like vendorNow. */
export function engineClockOffset(state: Pick<TimeScaleStore, 'scale' | 'reading'>, realNow = Date.now()): number | null {
  const now = vendorNow(state, realNow);
  if (now === null || !state.reading) return null;
  return now - (state.reading.realNow + (realNow - state.reading.readAt));
}
