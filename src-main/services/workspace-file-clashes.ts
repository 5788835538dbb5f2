import { isDeepStrictEqual } from 'node:util';
import {
  CLASHING_SECTIONS,
  type ClashingSection,
  type WorkspaceClash,
  type WorkspaceFile,
  type WorkspaceSection,
} from '../../src-shared/domain/workspace-file.ts';

/** Names each clashing section already uses in the importing workspace. */
export type TakenNames = Record<ClashingSection, Set<string>>;

function namedEntries(file: WorkspaceFile, section: ClashingSection): [string, unknown][] {
  return section === 'bins' ? file.bins.map((entry) => [entry.bin, entry]) : file[section].map((entry) => [entry.name, entry]);
}

export function entryNames(file: WorkspaceFile, section: ClashingSection): string[] {
  return namedEntries(file, section).map(([name]) => name);
}

export const entryKey = (section: WorkspaceSection, name: string): string => `${section}\0${name}`;

/**
 * Entries this workspace has already, exactly as the file has them (`current` is this workspace
 * as it would be exported): importing them changes nothing, so they are no clash. A file
 * exported from a fresh workspace thus imports into another fresh one without questions.
 */
export function unchangedEntries(file: WorkspaceFile, current: WorkspaceFile): Set<string> {
  const unchanged = new Set<string>();
  for (const section of CLASHING_SECTIONS) {
    const existing = new Map(namedEntries(current, section));
    for (const [name, entry] of namedEntries(file, section)) {
      if (existing.has(name) && isDeepStrictEqual(existing.get(name), entry)) unchanged.add(entryKey(section, name));
    }
  }
  return unchanged;
}

export function findClashes(file: WorkspaceFile, taken: TakenNames, unchanged: ReadonlySet<string>): WorkspaceClash[] {
  return CLASHING_SECTIONS.flatMap((section) =>
    entryNames(file, section)
      .filter((name) => taken[section].has(name) && !unchanged.has(entryKey(section, name)))
      .map((name) => ({ section, name })),
  );
}

/**
 * The first free "name (2)", "name (3)", …; bins, whose names are URL path segments, get
 * "name-2". Free means used neither by the workspace nor by the file.
 */
export function freeName(section: ClashingSection, name: string, taken: ReadonlySet<string>): string {
  for (let n = 2; ; n += 1) {
    const candidate = section === 'bins' ? `${name}-${n}` : `${name} (${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function clashesMessage(clashes: readonly WorkspaceClash[]): string {
  const listed = clashes.map(({ section, name }) => `${section} "${name}"`).join(', ');
  return `The workspace already has ${listed}; choose onClash: skip, rename or replace`;
}
