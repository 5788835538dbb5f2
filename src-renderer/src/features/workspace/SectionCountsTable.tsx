import { WORKSPACE_SECTIONS, type WorkspaceCounts } from '../../../../src-shared/domain/workspace-file.ts';
import { SECTION_LABELS } from './workspace-sections.ts';

export interface SectionCountsTableProps {
  caption: string;
  /** One column per set of counts, e.g. created / replaced / skipped. */
  columns: ReadonlyArray<{ label: string; counts: WorkspaceCounts }>;
  testId?: string;
}

/** Per section of a workspace file, how many entries each column counts. */
export function SectionCountsTable({ caption, columns, testId }: SectionCountsTableProps) {
  return (
    <table className="kv-table section-counts" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Section</th>
          {columns.map((column) => (
            <th key={column.label} scope="col">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {WORKSPACE_SECTIONS.map((section) => (
          <tr key={section} data-section={section}>
            <th scope="row">{SECTION_LABELS[section]}</th>
            {columns.map((column) => (
              <td key={column.label} className={column.counts[section] === 0 ? 'muted' : undefined}>
                {column.counts[section]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
