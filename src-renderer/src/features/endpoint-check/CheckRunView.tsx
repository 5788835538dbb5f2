import type { CheckCaseResult, CheckOutcome, CheckRun, CheckRunSummary } from '../../../../src-shared/domain/endpoint-check.ts';
import { vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { formatDuration, formatTime } from '../../format/time-format.ts';
import { useEndpointCheck } from '../../stores/endpoint-check-store.ts';
import { OUTCOME_LOOK } from './check-outcome.ts';
import { CheckCaseCard } from './CheckCaseCard.tsx';
import { CheckRunDiff } from './CheckRunDiff.tsx';

const OUTCOMES: CheckOutcome[] = ['fail', 'advisory', 'pass', 'skipped'];

function OutcomeCounts({ counts }: { counts: Record<CheckOutcome, number> }) {
  return (
    <div className="check-counts" data-testid="check-counts">
      {OUTCOMES.map((outcome) => (
        <span key={outcome} className={`pill ${counts[outcome] === 0 ? 'pill-muted' : OUTCOME_LOOK[outcome].pill}`}>
          {counts[outcome]} {OUTCOME_LOOK[outcome].label.toLowerCase()}
        </span>
      ))}
    </div>
  );
}

/**
 * The cases that ran, in the order run (failures first would tear families apart); then, one line
 * each, those that do not apply to this vendor and webhook, with the reason.
 */
function CaseList({ cases }: { cases: readonly CheckCaseResult[] }) {
  const skipped = cases.filter((result) => result.outcome === 'skipped');
  return (
    <>
      <div className="check-cases">
        {cases
          .filter((result) => result.outcome !== 'skipped')
          .map((result) => (
            <CheckCaseCard key={result.caseId} result={result} />
          ))}
      </div>
      {skipped.length > 0 && (
        <section className="check-skipped" aria-label="Cases that do not apply" data-testid="check-skipped">
          <h3 className="check-section-title">Not applicable here ({skipped.length})</h3>
          <ul>
            {skipped.map((result) => (
              <li key={result.caseId} data-testid="check-case" data-case-id={result.caseId}>
                <span className="pill pill-muted" data-testid="check-case-outcome">
                  {OUTCOME_LOOK.skipped.label}
                </span>{' '}
                {result.title}: <span className="muted">{result.verdict}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** A finished run: what was checked, the verdict, a comparison with an earlier run, every case. */
export function CheckRunView({ run, history }: { run: CheckRun; history: readonly CheckRunSummary[] }) {
  const compareWith = useEndpointCheck((state) => state.compareWith);
  const compare = useEndpointCheck((state) => state.compare);
  const others = history.filter((other) => other.id !== run.id);
  return (
    <div className="detail" data-testid="check-run">
      <header className="detail-header">
        <div className="detail-title">
          <h2 className="mono" title={run.url}>
            {run.url}
          </h2>
          <span className={`pill ${run.passed ? 'pill-success' : 'pill-danger'}`} data-testid="check-run-verdict">
            {run.passed ? 'Passed' : 'A required case failed'}
          </span>
        </div>
        <div className="detail-actions">
          <label className="muted small check-compare-label" htmlFor="check-compare">
            Compare with
          </label>
          <select
            id="check-compare"
            className="input input-small check-compare"
            value={compareWith?.id ?? ''}
            onChange={(change) => void compare(change.target.value || null)}
            data-testid="check-compare"
          >
            <option value="">No other run</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {formatTime(other.startedAt)}
                {other.url === run.url ? '' : ` · ${other.url}`} · {other.passed ? 'passed' : `${other.counts.fail} failed`}
              </option>
            ))}
          </select>
        </div>
      </header>
      <div className="detail-body">
        <p className="check-run-facts muted">
          {vendorCatalogs[run.vendor].label}
          {run.webhookName ? `, webhook ${run.webhookName}` : ", the vendor's defaults (no webhook)"} · {formatTime(run.startedAt)} · took{' '}
          {formatDuration(run.finishedAt - run.startedAt)}
        </p>
        <OutcomeCounts counts={run.counts} />
        {compareWith && <CheckRunDiff before={compareWith} after={run} />}
        <CaseList cases={run.cases} />
      </div>
    </div>
  );
}

/** A run under way: the cases reported so far. */
export function RunningCheckView({ url, cases, total }: { url: string; cases: readonly CheckCaseResult[]; total: number | null }) {
  return (
    <div className="detail" data-testid="check-running">
      <header className="detail-header">
        <div className="detail-title">
          <h2 className="mono">{url}</h2>
          <span className="pill pill-info" role="status">
            Checking: {cases.length} of {total ?? '…'} cases done
          </span>
        </div>
      </header>
      <div className="detail-body">
        <CaseList cases={cases} />
      </div>
    </div>
  );
}
