import type { OutcomeRule, OutcomeVerdict } from '../../../../src-shared/domain/delivery-rules.ts';

const VERDICTS: Record<OutcomeVerdict, { label: string; tone: string }> = {
  success: { label: 'Delivered', tone: 'success' },
  retry: { label: 'Retried', tone: 'warning' },
  final: { label: 'Failed at once', tone: 'danger' },
};

/** How the engine judges each answer (or lack of one): the table it classifies tries by. */
export function OutcomeRulesTable({ outcomes }: { outcomes: readonly OutcomeRule[] }) {
  return (
    <table className="rules-table" aria-label="How each response is judged" data-testid="outcome-rules">
      <thead>
        <tr>
          <th scope="col">Response</th>
          <th scope="col">Verdict</th>
          <th scope="col">What happens</th>
        </tr>
      </thead>
      <tbody>
        {outcomes.map((rule) => (
          <tr key={rule.responses}>
            <th scope="row">{rule.responses}</th>
            <td>
              <span className={`pill pill-${VERDICTS[rule.verdict].tone}`}>{VERDICTS[rule.verdict].label}</span>
            </td>
            <td>{rule.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
