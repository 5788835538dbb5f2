/** "100,000": counts read the same on every machine, whatever its locale. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** "1 capture", "2,500 captures". */
export function formatCountOf(value: number, one: string, many: string): string {
  return `${formatCount(value)} ${value === 1 ? one : many}`;
}
