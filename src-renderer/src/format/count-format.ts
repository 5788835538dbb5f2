/** "100,000": counts read the same on every machine, whatever its locale. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
