import { WORKSPACE_SECTIONS, type WorkspaceCounts, type WorkspaceSection } from '../../../../src-shared/domain/workspace-file.ts';

export const SECTION_LABELS: Record<WorkspaceSection, string> = {
  authProfiles: 'Auth profiles',
  vendorAccounts: 'Vendor accounts',
  webhooks: 'Webhooks',
  bins: 'Receiver bins',
  scenarios: 'Scenarios',
};

/** What an exported file holds, read back from its text: the engine hands out the file only. */
export interface ExportedContents {
  counts: WorkspaceCounts;
  /** Paths of the secrets written as null (`authProfiles[0].password`). */
  redacted: string[];
}

export function exportedContents(text: string): ExportedContents {
  const file = JSON.parse(text) as Partial<Record<WorkspaceSection, unknown[]>> & { redacted?: string[] };
  const counts = Object.fromEntries(WORKSPACE_SECTIONS.map((section) => [section, file[section]?.length ?? 0])) as WorkspaceCounts;
  return { counts, redacted: file.redacted ?? [] };
}
