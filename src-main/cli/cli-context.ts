import type { Command } from 'commander';
import { ensureDataDir, defaultDataDir } from '../storage/data-dir.ts';
import type { WorkspaceConnection } from './workspace-connection.ts';

/** The data directory chosen with the global --data option (or HOOKLAB_DATA, or the OS default). */
export function dataDirOf(command: Command): string {
  const { data } = command.optsWithGlobals<{ data?: string }>();
  return ensureDataDir(data ?? defaultDataDir());
}

/** Runs a command body against the workspace and always closes the connection. */
export async function withWorkspace<T>(command: Command, body: (connection: WorkspaceConnection) => Promise<T>): Promise<T> {
  const dataDir = dataDirOf(command);
  // Loaded on first use: the engine is most of the CLI's start-up time, and --help or a bad
  // argument never needs it.
  const { connectWorkspace } = await import('./workspace-connection.ts');
  const connection = await connectWorkspace(dataDir);
  try {
    return await body(connection);
  } finally {
    await connection.close();
  }
}
