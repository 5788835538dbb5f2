import { formatDurationNotation } from '../../../../src-shared/domain/duration-notation.ts';
import type { Scenario } from '../../../../src-shared/domain/scenario.ts';
import { findCatalogEvent, vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { revealDelivery } from '../../stores/delivery-detail-store.ts';
import { useScenarioRuns, type ScenarioRunView } from '../../stores/scenario-run-store.ts';
import { DeliveryStatusPill } from '../deliveries/DeliveryStatusPill.tsx';
import { timelineRows, type TimelineRow, type TimelineStepState } from './scenario-timeline.ts';

const STATE_LABELS: Record<TimelineStepState, { label: string; tone: string }> = {
  pending: { label: 'Pending', tone: 'muted' },
  waiting: { label: 'Waiting', tone: 'info' },
  firing: { label: 'Firing', tone: 'warning' },
  fired: { label: 'Fired', tone: 'success' },
};

function StepDeliveries({ row }: { row: TimelineRow }) {
  const deliveries = useScenarioRuns((state) => state.deliveries);
  if (!row.fired) return null;

  if (row.fired.deliveryIds.length === 0) {
    return (
      <p className="timeline-no-match" data-testid="timeline-no-match">
        No webhook matched. Create a webhook for “{row.step.eventName}” ({vendorCatalogs[row.step.vendor].label}), or press “Create the webhooks this story
        needs” above, to see this step delivered.
      </p>
    );
  }
  return (
    <ul className="plain-list timeline-deliveries">
      {row.fired.deliveryIds.map((id) => {
        const delivery = deliveries[id];
        return (
          <li key={id}>
            {delivery ? (
              <button
                type="button"
                className="fired-delivery timeline-delivery"
                onClick={() => revealDelivery(delivery)}
                title="Open this delivery in Deliveries"
                data-testid="timeline-delivery"
              >
                <span className="timeline-delivery-webhook row-ellipsis">{delivery.webhookName}</span>
                <span className="row-ellipsis mono muted">{delivery.endpointUrl}</span>
                <DeliveryStatusPill status={delivery.status} />
              </button>
            ) : (
              <span className="muted small">Loading delivery…</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export interface ScenarioTimelineProps {
  scenario: Scenario;
  run: ScenarioRunView | null;
  /** The countdown to the waiting step, already formatted. */
  countdown: string | null;
}

/** One row per step: what it fires, after which delay, and — once fired — where its deliveries stand, live. */
export function ScenarioTimeline({ scenario, run, countdown }: ScenarioTimelineProps) {
  const rows = timelineRows(scenario, run?.status ?? null);
  const multiVendor = scenario.vendors.length > 1;
  return (
    <ol className="timeline" aria-label="Timeline" data-testid="scenario-timeline">
      {rows.map((row) => {
        const { label, tone } = STATE_LABELS[row.state];
        return (
          <li key={row.number} className={`timeline-row timeline-${row.state}`} data-testid="timeline-row" data-state={row.state}>
            <span className="timeline-marker" aria-hidden="true">
              {row.number}
            </span>
            <div className="timeline-body">
              <div className="timeline-head">
                <span className="timeline-event">{row.step.eventName}</span>
                <span className="muted">{row.step.activity ?? findCatalogEvent(row.step.vendor, row.step.eventName)?.activities[0]}</span>
                {multiVendor && <span className="muted small">{vendorCatalogs[row.step.vendor].label}</span>}
                {row.step.stateEdits && (
                  <span className="pill pill-info" title={`State edits: ${JSON.stringify(row.step.stateEdits)}`}>
                    State edits
                  </span>
                )}
                <span className="timeline-delay muted" title="Wait before this step, in vendor time">
                  {row.step.delayMs === 0 ? 'at once' : `after ${formatDurationNotation(row.step.delayMs)}`}
                </span>
                <span className={`pill pill-${tone}`} data-testid="timeline-state">
                  {row.state === 'waiting' && countdown ? `${label} · ${countdown}` : label}
                </span>
              </div>
              <StepDeliveries row={row} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
