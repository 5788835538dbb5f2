import type { ConditionDiagnostic, ConditionTrace } from '../../../../src-shared/domain/condition.ts';

function shown(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function foundText(found: unknown[]): string {
  if (found.length === 0) return 'not in the payload';
  if (found.length === 1) return `found ${shown(found[0])}`;
  return `found ${found.length} values: ${found.slice(0, 4).map(shown).join(', ')}${found.length > 4 ? ', …' : ''}`;
}

/** Warnings quote paths in backticks (as the CLI prints them): shown here as code. */
function withCode(message: string) {
  return message.split('`').map((part, index) =>
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed message, never reordered
    index % 2 === 1 ? <code key={index}>{part}</code> : part,
  );
}

/** A parenthesised single clause is a group of one: it reads as the parentheses it is. */
function groupLabel(kind: 'and' | 'or', size: number): string {
  if (size === 1) return '( … )';
  return kind === 'and' ? 'All of (AND)' : 'Any of (OR)';
}

function TraceNode({ node }: { node: ConditionTrace }) {
  return (
    <li className="trace-node" data-result={String(node.result)}>
      <div className="trace-line">
        <span className={`trace-mark ${node.result ? 'is-true' : 'is-false'}`} role="img" aria-label={node.result ? 'true' : 'false'}>
          {node.result ? '✓' : '✗'}
        </span>
        {node.kind === 'comparison' ? (
          <>
            <code className="trace-text">{node.text}</code>
            <span className="muted small">{foundText(node.found)}</span>
          </>
        ) : (
          <span className="trace-group">{groupLabel(node.kind, node.children.length)}</span>
        )}
      </div>
      {node.kind !== 'comparison' && (
        <ul className="trace-children">
          {node.children.map((child) => (
            <TraceNode key={`${child.start}-${child.end}`} node={child} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** Which clause was true or false, and with what value; or where the expression is wrong. */
export function ConditionTraceView({
  trace,
  diagnostics,
  warnings = [],
}: {
  trace: ConditionTrace | null;
  diagnostics: readonly ConditionDiagnostic[];
  warnings?: readonly ConditionDiagnostic[];
}) {
  if (diagnostics.length > 0) {
    return (
      <ul className="diagnostic-list" data-testid="condition-diagnostics">
        {diagnostics.map((diagnostic) => (
          <li key={`${diagnostic.start}-${diagnostic.message}`}>
            <span className="mono muted">
              line {diagnostic.line}, column {diagnostic.column}
            </span>{' '}
            {diagnostic.message}
            {diagnostic.expected && <span className="muted"> — expected {diagnostic.expected}</span>}
          </li>
        ))}
      </ul>
    );
  }
  if (!trace) return <p className="muted small">No condition: every event that passes the activity filter fires the webhook.</p>;
  return (
    <>
      {warnings.length > 0 && (
        <ul className="warning-list" data-testid="condition-warnings">
          {warnings.map((warning) => (
            <li key={`${warning.start}-${warning.message}`}>{withCode(warning.message)}</li>
          ))}
        </ul>
      )}
      <ul className="trace-tree" data-testid="condition-trace">
        <TraceNode node={trace} />
      </ul>
    </>
  );
}
