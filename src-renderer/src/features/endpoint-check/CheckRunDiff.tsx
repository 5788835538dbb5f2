import { diffCheckRuns, type CheckRun } from '../../../../src-shared/domain/endpoint-check.ts';
import { formatTime } from '../../format/time-format.ts';
import { OUTCOME_LOOK } from './check-outcome.ts';

function OutcomeCell({ outcome }: { outcome: keyof typeof OUTCOME_LOOK | null }) {
  if (outcome === null) return <span className="muted">not in that run</span>;
  return <span className={`pill ${OUTCOME_LOOK[outcome].pill}`}>{OUTCOME_LOOK[outcome].label}</span>;
}

/** The cases whose outcome differs between an earlier run and this one. */
export function CheckRunDiff({ before, after }: { before: CheckRun; after: CheckRun }) {
  const changes = diffCheckRuns(before, after);
  return (
    <section className="check-diff" aria-label="Changes between the runs" data-testid="check-diff">
      <h3 className="check-section-title">
        Compared with the run of {formatTime(before.startedAt)}: {changes.length === 0 ? 'no case changed' : `${changes.length} case(s) changed`}
      </h3>
      {changes.length > 0 && (
        <table className="check-diff-table">
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Then</th>
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.caseId} data-testid="check-diff-row">
                <td>
                  {change.title}
                  <code className="check-diff-case-id muted small">{change.caseId}</code>
                </td>
                <td>
                  <OutcomeCell outcome={change.before} />
                </td>
                <td>
                  <OutcomeCell outcome={change.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
