import { useId } from 'react';
import type { ConditionGroup, ConditionRow } from '../../../../src-shared/domain/condition.ts';

type Item = ConditionRow | ConditionGroup;

export interface ConditionBuilderProps {
  group: ConditionGroup;
  onChange(group: ConditionGroup): void;
  /** Attribute paths offered while typing (from the sample payload). */
  paths: readonly string[];
}

const newRow = (): ConditionRow => ({ kind: 'row', path: '', operator: '==', value: '' });
const newGroup = (): ConditionGroup => ({ kind: 'group', operator: 'or', items: [newRow()] });

function replaceAt<T>(list: readonly T[], index: number, next: T | null): T[] {
  const copy = [...list];
  if (next === null) copy.splice(index, 1);
  else copy[index] = next;
  return copy;
}

function RowEditor({ row, onChange, listId }: { row: ConditionRow; onChange(row: ConditionRow | null): void; listId: string }) {
  return (
    <div className="builder-row" data-testid="builder-row">
      <input
        className="input mono"
        aria-label="Attribute"
        placeholder="entitlement.customer.name"
        list={listId}
        value={row.path}
        onChange={(event) => onChange({ ...row, path: event.target.value })}
      />
      <select
        className="input builder-operator"
        aria-label="Comparison"
        value={row.operator}
        onChange={(event) => onChange({ ...row, operator: event.target.value as ConditionRow['operator'] })}
      >
        <option value="==">is equal to</option>
        <option value="!=">is not equal to</option>
      </select>
      <input className="input" aria-label="Value" placeholder="value" value={row.value} onChange={(event) => onChange({ ...row, value: event.target.value })} />
      <button type="button" className="icon-button" aria-label="Remove condition" title="Remove condition" onClick={() => onChange(null)}>
        ×
      </button>
    </div>
  );
}

function GroupEditor({
  group,
  onChange,
  listId,
  nested,
}: {
  group: ConditionGroup;
  onChange(group: ConditionGroup | null): void;
  listId: string;
  nested: boolean;
}) {
  const setItem = (index: number, item: Item | null) => onChange({ ...group, items: replaceAt(group.items, index, item) });
  return (
    <div className={`builder-group${nested ? ' is-nested' : ''}`} data-testid="builder-group">
      <div className="builder-group-header">
        <div className="segmented" role="group" aria-label="Match">
          {(['and', 'or'] as const).map((operator) => (
            <button key={operator} type="button" aria-pressed={group.operator === operator} onClick={() => onChange({ ...group, operator })}>
              {operator === 'and' ? 'All (AND)' : 'Any (OR)'}
            </button>
          ))}
        </div>
        <span className="muted small">of these must hold</span>
        {nested && (
          <button type="button" className="button button-small button-danger-quiet" onClick={() => onChange(null)}>
            Remove group
          </button>
        )}
      </div>
      {group.items.map((item, index) =>
        // Index keys: rows have no identity of their own, and the editors keep no state (the group is the state).
        item.kind === 'row' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <RowEditor key={index} row={item} listId={listId} onChange={(next) => setItem(index, next)} />
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <GroupEditor key={index} group={item} listId={listId} nested onChange={(next) => setItem(index, next)} />
        ),
      )}
      <div className="builder-actions">
        <button type="button" className="button button-small" onClick={() => onChange({ ...group, items: [...group.items, newRow()] })}>
          + Condition
        </button>
        <button type="button" className="button button-small" onClick={() => onChange({ ...group, items: [...group.items, newGroup()] })}>
          + Group
        </button>
      </div>
    </div>
  );
}

/** Sentinel's "Manage Trigger Conditions": And/Or groups, nested groups, attribute / comparison / value rows. */
export function ConditionBuilder({ group, onChange, paths }: ConditionBuilderProps) {
  const listId = `${useId()}-paths`;
  return (
    <div className="condition-builder" data-testid="condition-builder">
      <GroupEditor group={group} listId={listId} nested={false} onChange={(next) => onChange(next ?? { ...group, items: [] })} />
      <datalist id={listId}>
        {paths.map((path) => (
          <option key={path} value={path} />
        ))}
      </datalist>
    </div>
  );
}
