import { useState } from 'react';
import { placeFailure, toUiError } from '../../api/ui-error.ts';

/**
 * A dialog form's submission: busy while its work runs, and a refusal placed on the fields it
 * names (by their labels), the rest as general problems. A second submit while busy is ignored.
 */
export function useFormSubmission<F extends string>(labels: Readonly<Record<F, string>>) {
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const clear = () => {
    setErrors({});
    setProblems([]);
  };

  const submit = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    try {
      await work();
    } catch (caught) {
      const placed = placeFailure(toUiError(caught), labels);
      setErrors(placed.fields);
      setProblems(placed.general);
    } finally {
      setBusy(false);
    }
  };

  return { errors, problems, busy, clear, submit };
}
