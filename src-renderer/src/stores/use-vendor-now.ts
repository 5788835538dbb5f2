import { useEffect, useState } from 'react';
import { useTimeScale, vendorNow } from './time-scale-store.ts';

/** Vendor time, re-read every `tickMs` of real time: for countdowns like "in 14 min". */
export function useVendorNow(tickMs = 500): number | null {
  const scale = useTimeScale((state) => state.scale);
  const reading = useTimeScale((state) => state.reading);
  const [realNow, setRealNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = setInterval(() => setRealNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);

  return vendorNow({ scale, reading }, realNow);
}
