import { useEffect, useState } from 'react';
import { appApi } from '../../api/app-api.ts';

/** A generated current state for the event (seed 1, so it is the same each time), to try conditions on. */
export function useGeneratedSample(eventName: string, enabled: boolean): Record<string, unknown> | null {
  const [sample, setSample] = useState<{ eventName: string; state: Record<string, unknown> } | null>(null);

  useEffect(() => {
    if (!enabled || eventName === '') return;
    let current = true;
    appApi()
      .generateSampleState({ eventName, seed: 1 })
      .then(
        (generated) => current && setSample({ eventName, state: generated.currentState ?? {} }),
        () => current && setSample(null),
      );
    return () => {
      current = false;
    };
  }, [eventName, enabled]);

  return sample?.eventName === eventName ? sample.state : null;
}
