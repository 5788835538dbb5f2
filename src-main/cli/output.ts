/** Prints rows as an aligned table, or a hint when there is nothing to show. */
export function printTable(rows: Record<string, string | number | null>[], empty: string, write = console.log): void {
  if (rows.length === 0) {
    write(empty);
    return;
  }
  const columns = Object.keys(rows[0]);
  const cell = (value: string | number | null) => (value === null ? '-' : String(value));
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => cell(row[column]).length)));
  const line = (values: string[]) =>
    values
      .map((value, i) => value.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  write(line(columns.map((column) => column.toUpperCase())));
  for (const row of rows) write(line(columns.map((column) => cell(row[column]))));
}

export function printJson(value: unknown, write = console.log): void {
  write(JSON.stringify(value, null, 2));
}

export function formatTime(epochMs: number | null): string | null {
  return epochMs === null ? null : new Date(epochMs).toISOString().replace('T', ' ').slice(0, 19);
}
