import { useEffect, useMemo, useState } from 'react';
import { isRunOver, type Scenario } from '../../../../src-shared/domain/scenario.ts';
import { vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { useScenarioRuns } from '../../stores/scenario-run-store.ts';
import { CopyableId } from '../ui/CopyableId.tsx';
import { formatCountdown, secondsLeft } from './scenario-timeline.ts';
import { ScenarioPlayer, usePlayerControls, usePlayerShortcuts } from './ScenarioPlayer.tsx';
import { ScenarioTimeline } from './ScenarioTimeline.tsx';
import { ScenarioWebhooksButton } from './ScenarioWebhooksButton.tsx';

const COUNTDOWN_TICK_MS = 250;

/** The countdown to the next step, ticking locally while the run waits. */
function useCountdown(nextStepInMs: number | null, receivedAt: number): string | null {
  const [now, setNow] = useState(() => Date.now());
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new receivedAt (a new step's status) restarts the tick from now.
  useEffect(() => {
    if (nextStepInMs === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), COUNTDOWN_TICK_MS);
    return () => clearInterval(timer);
  }, [nextStepInMs, receivedAt]);
  return nextStepInMs === null ? null : formatCountdown(secondsLeft(nextStepInMs, receivedAt, now));
}

export interface ScenarioDetailProps {
  scenario: Scenario;
  onEdit(): void;
  onDuplicate(): void;
  onDelete(): void;
}

/** A scenario to play: what it is, the player, and its timeline. */
export function ScenarioDetail({ scenario, onEdit, onDuplicate, onDelete }: ScenarioDetailProps) {
  const run = useScenarioRuns((state) => state.runs[scenario.id] ?? null);
  const setSpeed = useScenarioRuns((state) => state.setSpeed);
  const [speed, setSpeedChoice] = useState(run?.status.speed ?? 1);
  const runSpeed = run?.status.speed;
  useEffect(() => {
    // A run restored or sped up elsewhere (another window, the CLI) shows its own speed.
    if (runSpeed !== undefined) setSpeedChoice(runSpeed);
  }, [runSpeed]);
  const [maxWaitMs, setMaxWaitMs] = useState<number | null>(run?.status.maxWaitMs ?? null);
  const runMaxWait = run?.status.maxWaitMs;
  useEffect(() => {
    if (runMaxWait !== undefined) setMaxWaitMs(runMaxWait);
  }, [runMaxWait]);
  const controls = usePlayerControls(scenario, run, { speed, maxWaitMs });
  usePlayerShortcuts(controls);
  const countdown = useCountdown(run?.status.state === 'waiting' ? run.status.nextStepInMs : null, run?.receivedAt ?? 0);
  const vendors = useMemo(() => scenario.vendors.map((vendor) => vendorCatalogs[vendor].label).join(', '), [scenario.vendors]);

  const changeSpeed = (next: number) => {
    setSpeedChoice(next);
    if (run && !isRunOver(run.status.state)) void setSpeed(run.status.runId, next);
  };

  return (
    <div className="detail" data-testid="scenario-detail">
      <header className="detail-header">
        <div className="detail-title">
          <h2>{scenario.name}</h2>
          {scenario.builtIn && (
            <span className="pill pill-muted" title="Ships with Hooklab; duplicate it to change it">
              Built-in
            </span>
          )}
        </div>
        <div className="detail-actions">
          <CopyableId id={scenario.id} name="Scenario id" />
          {!scenario.builtIn && (
            <button type="button" className="button" onClick={onEdit} data-testid="scenario-edit">
              Edit
            </button>
          )}
          <button type="button" className="button" onClick={onDuplicate} data-testid="scenario-duplicate" title="Make an editable copy">
            Duplicate
          </button>
          {!scenario.builtIn && (
            <button type="button" className="button button-danger-quiet" onClick={onDelete} data-testid="scenario-delete">
              Delete
            </button>
          )}
        </div>
      </header>
      <div className="detail-body scenario-body">
        {scenario.description && <p className="scenario-description">{scenario.description}</p>}
        <dl className="scenario-facts">
          <div>
            <dt>Vendor{scenario.vendors.length === 1 ? '' : 's'}</dt>
            <dd>{vendors}</dd>
          </div>
          <div>
            <dt>Seed</dt>
            <dd className="mono">{scenario.seed}</dd>
          </div>
          <div>
            <dt>Steps</dt>
            <dd>{scenario.steps.length}</dd>
          </div>
        </dl>
        <ScenarioWebhooksButton scenario={scenario} />
        <ScenarioPlayer
          run={run}
          controls={controls}
          speed={speed}
          onSpeed={changeSpeed}
          maxWaitMs={maxWaitMs}
          onMaxWait={setMaxWaitMs}
          countdown={countdown}
        />
        <ScenarioTimeline scenario={scenario} run={run} countdown={countdown} />
      </div>
    </div>
  );
}
