import type { HttpHeaders } from '../../../../src-shared/domain/http-message.ts';

export interface HeadersTableProps {
  headers: HttpHeaders;
  label: string;
  testId?: string;
}

export function HeadersTable({ headers, label, testId }: HeadersTableProps) {
  const entries = Object.entries(headers).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p className="muted small">No headers</p>;
  return (
    <table className="kv-table" aria-label={label} data-testid={testId}>
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
