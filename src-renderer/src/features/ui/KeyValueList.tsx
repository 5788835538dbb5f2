import type { ReactNode } from 'react';

export interface KeyValueListProps {
  items: ReadonlyArray<readonly [label: string, value: ReactNode]>;
  label: string;
  testId?: string;
}

/** Facts about one thing ("Entity id", "Request id", …) as a compact two-column list. */
export function KeyValueList({ items, label, testId }: KeyValueListProps) {
  return (
    <dl className="kv-list" aria-label={label} data-testid={testId}>
      {items.map(([name, value]) => (
        <div key={name} className="kv-list-row">
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
