/** The list with `entry` in place of the one with its id, or added at the end when there is none. */
export function upsertById<T extends { id: string }>(list: readonly T[], entry: T): T[] {
  const index = list.findIndex((candidate) => candidate.id === entry.id);
  if (index < 0) return [...list, entry];
  const next = [...list];
  next[index] = entry;
  return next;
}
