import { useEffect, useState } from 'react';
import { useTimeScale, vendorNow } from './time-scale-store.ts';

/** Real time, re-read every `tickMs`: re-renders a component that shows a clock or a countdown. */
export function useRealNow(tickMs: number): number {
  const [realNow, setRealNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = setInterval(() => setRealNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);

  return realNow;
}

/** Vendor time, re-read every `tickMs` of real time: for countdowns like "in 14 min". */
export function useVendorNow(tickMs = 500): number | null {
  const scale = useTimeScale((state) => state.scale);
  const reading = useTimeScale((state) => state.reading);
  return vendorNow({ scale, reading }, useRealNow(tickMs));
}
