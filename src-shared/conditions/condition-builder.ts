import type { ConditionGroup, ConditionRow } from '../domain/condition.ts';

/** A string literal of the dialect: single quotes, with `\` and `'` escaped. */
export function quoteConditionString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function printRow(row: ConditionRow): string {
  return `${row.path} ${row.operator} ${quoteConditionString(row.value)}`;
}

function printItem(item: ConditionRow | ConditionGroup, nested: boolean): string {
  if (item.kind === 'row') return printRow(item);
  const joiner = item.operator === 'and' ? ' && ' : ' || ';
  const inner = item.items.map((child) => printItem(child, true)).join(joiner);
  // A group of one needs no parentheses; nested groups of several always get them.
  return nested && item.items.length > 1 ? `(${inner})` : inner;
}

/** The JEXL text of a builder model: what Sentinel's "Manage Trigger Conditions" produces. */
export function printCondition(group: ConditionGroup): string {
  return printItem(group, false);
}

export function emptyConditionGroup(): ConditionGroup {
  return { kind: 'group', operator: 'and', items: [] };
}

/**
 * What the builder's rows say so far, as a printable model: rows without an attribute and
 * groups left empty are dropped, and a nested group of one becomes that item.
 */
export function pruneConditionGroup(group: ConditionGroup): ConditionGroup {
  const items: Array<ConditionRow | ConditionGroup> = [];
  for (const item of group.items) {
    if (item.kind === 'row') {
      if (item.path.trim() !== '') items.push({ ...item, path: item.path.trim() });
      continue;
    }
    const pruned = pruneConditionGroup(item);
    if (pruned.items.length === 1) items.push(pruned.items[0]!);
    else if (pruned.items.length > 1) items.push(pruned);
  }
  return { ...group, items };
}
