import { useEffect, useState } from 'react';
import type { Scenario, ScenarioWebhooks } from '../../../../src-shared/domain/scenario.ts';
import { appApi } from '../../api/app-api.ts';
import { toUiError, type UiError } from '../../api/ui-error.ts';

function outcomeText({ created, alreadyCovered }: ScenarioWebhooks): string {
  if (created.length === 0) return 'Every step has a webhook that delivers it already: nothing to create.';
  const made = created.map((webhook) => `“${webhook.name}” (${webhook.events.length} event${webhook.events.length === 1 ? '' : 's'})`).join(', ');
  const had = alreadyCovered.length > 0 ? ` ${alreadyCovered.join(', ')} had one already.` : '';
  return `Created ${made}, delivering to the built-in receiver.${had}`;
}

/** One click to the webhooks a story needs, so a fresh workspace sees every step delivered. */
export function ScenarioWebhooksButton({ scenario }: { scenario: Scenario }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the scenario id is the trigger: another story's outcome is not this one's
  useEffect(() => {
    setOutcome(null);
    setError(null);
  }, [scenario.id]);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      setOutcome(outcomeText(await appApi().createScenarioWebhooks({ id: scenario.id })));
    } catch (caught) {
      setError(toUiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="scenario-webhooks">
      <div className="scenario-webhooks-row">
        <button type="button" className="button" onClick={() => void create()} disabled={busy} data-testid="scenario-create-webhooks">
          Create the webhooks this story needs
        </button>
        <span className="field-hint">For the steps no enabled webhook delivers: to the built-in receiver, no auth, no condition.</span>
      </div>
      {outcome && (
        <p className="notice" role="status" data-testid="scenario-webhooks-outcome">
          {outcome}
        </p>
      )}
      {error && (
        <div className="form-error" role="alert">
          <p>{error.message}</p>
        </div>
      )}
    </div>
  );
}
