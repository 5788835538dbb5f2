import type { ConditionDiagnostic } from '../../src-shared/domain/condition.ts';
import { closestName } from '../../src-shared/domain/closest-name.ts';
import { listPayloadPaths } from '../../src-shared/conditions/payload-paths.ts';
import type { ComparisonNode, ConditionNode } from './condition-ast.ts';
import { conditionDiagnostic } from './condition-diagnostics.ts';
import type { ConditionSession } from './condition-jexl.ts';

/** Payload paths list array elements as `[*]`; an index in a condition is compared the same way. */
const anyIndex = (path: string) => path.replace(/\[\d+\]/g, '[*]');

function comparisons(node: ConditionNode): ComparisonNode[] {
  return node.kind === 'comparison' ? [node] : node.items.flatMap(comparisons);
}

/**
 * Warnings for paths the payload does not have when it has one a typo away: `entitlment.state`
 * gets "did you mean `entitlement.state`". A path that is simply absent gets none (a condition
 * may well test a field some events lack).
 */
export function misspelledPathWarnings(text: string, root: ConditionNode, session: ConditionSession, payload: unknown): ConditionDiagnostic[] {
  const missing = comparisons(root).filter((node) => session.found(node).length === 0);
  if (missing.length === 0) return [];
  const known = listPayloadPaths(payload).map(({ path }) => path);
  const knownSet = new Set(known);
  const warnings: ConditionDiagnostic[] = [];
  for (const { path } of missing) {
    const written = anyIndex(path.text);
    if (knownSet.has(written)) continue;
    const meant = closestName(written, known);
    if (meant) warnings.push(conditionDiagnostic(text, path.start, path.end, `\`${path.text}\` is not in the payload: did you mean \`${meant}\`?`));
  }
  return warnings;
}
