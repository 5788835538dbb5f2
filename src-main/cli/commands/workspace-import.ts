import type { AppApi } from '../../../src-shared/contracts/app-contract.ts';
import { ON_CLASH_CHOICES, WORKSPACE_SECTIONS, type OnClash, type WorkspaceClash, type WorkspaceCounts } from '../../../src-shared/domain/workspace-file.ts';
import { AppError } from '../../../src-shared/errors.ts';
import { UsageError } from '../cli-error.ts';
import { printJson } from '../output.ts';

const countLine = (counts: WorkspaceCounts) =>
  WORKSPACE_SECTIONS.filter((section) => counts[section] > 0)
    .map((section) => `${counts[section]} ${section}`)
    .join(', ') || 'none';

/** `hooklab import` of a workspace file: clashes and bad entries are the caller's to fix (exit 2). */
export async function importWorkspaceFile(api: AppApi, text: string, source: string, onClash: OnClash | undefined, json: boolean): Promise<void> {
  const result = await api.importWorkspace({ text, onClash }).catch((error: unknown) => {
    const clashes = error instanceof AppError && error.code === 'conflict' ? (error.details as { clashes?: WorkspaceClash[] } | undefined)?.clashes : undefined;
    if (clashes) {
      const listed = clashes.map(({ section, name }) => `${section} "${name}"`).join(', ');
      throw new UsageError(`this workspace already has ${listed}: choose --on-clash ${ON_CLASH_CHOICES.join('|')}`);
    }
    if (error instanceof AppError && error.code === 'invalid_input') throw new UsageError(`${source}: ${error.message}`);
    throw error;
  });
  if (json) {
    printJson(result);
    return;
  }
  console.log(`Created: ${countLine(result.created)}.`);
  if (WORKSPACE_SECTIONS.some((section) => result.replaced[section] > 0)) console.log(`Replaced: ${countLine(result.replaced)}.`);
  if (WORKSPACE_SECTIONS.some((section) => result.skipped[section] > 0)) console.log(`Skipped (name taken): ${countLine(result.skipped)}.`);
  if (WORKSPACE_SECTIONS.some((section) => result.unchanged[section] > 0)) console.log(`Already here, unchanged: ${countLine(result.unchanged)}.`);
  for (const { section, from, to } of result.renamed) console.log(`Renamed ${section} "${from}" to "${to}".`);
  for (const { webhook, secret } of result.signingSecrets) console.log(`New signing secret of webhook "${webhook}": ${secret}`);
  for (const { section, name, field, hint } of result.needsSecrets) console.log(`Needs a secret: ${section} "${name}" ${field}: ${hint}`);
  for (const warning of result.warnings) console.error(`warning: ${warning}`);
}
