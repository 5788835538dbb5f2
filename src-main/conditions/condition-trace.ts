import type { ConditionTrace } from '../../src-shared/domain/condition.ts';
import type { ConditionNode } from './condition-ast.ts';
import type { ConditionSession } from './condition-jexl.ts';

/**
 * How every clause and group evaluated, and what each path found. Every part is evaluated, even
 * those the whole skipped by short-circuit, so the editor can show why each one is true or false;
 * each result comes from the same jexl program pieces the engine runs.
 */
export function traceCondition(text: string, root: ConditionNode, session: ConditionSession): ConditionTrace {
  const visit = (node: ConditionNode): ConditionTrace => {
    const common = { text: text.slice(node.start, node.end), start: node.start, end: node.end, result: session.matches(node) };
    if (node.kind === 'group') return { kind: node.operator, ...common, children: node.items.map(visit) };
    return {
      kind: 'comparison',
      ...common,
      path: node.path.text,
      operator: node.operator,
      expected: node.value,
      found: session.found(node),
    };
  };
  return visit(root);
}
