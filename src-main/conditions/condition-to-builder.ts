import type { ConditionGroup, ConditionRow } from '../../src-shared/domain/condition.ts';
import type { ComparisonNode, ConditionNode, GroupNode } from './condition-ast.ts';

export type BuilderView = { builder: ConditionGroup; builderNote?: undefined } | { builder: null; builderNote: string };

function comparisons(node: ConditionNode): ComparisonNode[] {
  return node.kind === 'comparison' ? [node] : node.items.flatMap(comparisons);
}

/**
 * Seed 002: the Manage Trigger Conditions dialog "support[s] only the [*] operator"; a condition
 * with other path symbols "can only be modified using the API". Hooklab's builder follows the
 * dialog, so the note tells the author what Sentinel's portal would refuse too.
 */
function unsupportedPathSymbol(root: ConditionNode): string | null {
  for (const { path } of comparisons(root)) {
    const segment = path.segments.find((candidate) => candidate.kind === 'index' || candidate.kind === 'anyProperty');
    if (!segment) continue;
    const symbol = segment.kind === 'index' ? `the array index [${segment.index}]` : 'the property wildcard *';
    return `it uses ${symbol} (in ${path.text}), and like Sentinel's Manage Trigger Conditions dialog the builder supports only the [*] path symbol`;
  }
  return null;
}

function toItem(node: ConditionNode): ConditionRow | ConditionGroup {
  if (node.kind === 'comparison') return { kind: 'row', path: node.path.text, operator: node.operator, value: node.value };
  return { kind: 'group', operator: node.operator, items: node.items.map(toItem) };
}

/**
 * The builder model of a condition: its top group's rows and nested groups. Parentheses around
 * the whole condition are the top group itself (the seed's walkthrough wraps everything in them),
 * and every other parenthesized part is a nested filter group, even of one row, as in the seed.
 */
export function toConditionBuilder(root: ConditionNode): BuilderView {
  const note = unsupportedPathSymbol(root);
  if (note) return { builder: null, builderNote: note };
  let top: ConditionNode = root;
  while (top.kind === 'group' && top.parenthesized && top.items.length === 1 && top.items[0]!.kind === 'group') top = top.items[0]!;
  if (top.kind === 'comparison') return { builder: { kind: 'group', operator: 'and', items: [toItem(top)] } };
  const group: GroupNode = top;
  return { builder: { kind: 'group', operator: group.operator, items: group.items.map(toItem) } };
}
