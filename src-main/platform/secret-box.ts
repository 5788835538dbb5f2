/**
 * Seals secrets at rest. Every runtime, the desktop app included, uses the one implementation:
 * AES-256-GCM with a 0600 key file in the workspace (key-file-secret-box.ts).
 *
 * The desktop app deliberately does not seal with Electron's `safeStorage`: one workspace is
 * opened by the desktop app, `hooklab serve` and every `hooklab …` command, and only the
 * Electron process can call `safeStorage` (plain Node cannot reach the OS keychain the same
 * way), so secrets sealed by it would be unreadable to the CLI and to serve mode. On Linux
 * without a keyring `safeStorage` also falls back to a hard-coded password, which protects
 * less than a 0600 key file. The key file protects against other users and stray copies of
 * the database, not against the workspace owner's own processes.
 */
export interface SecretBox {
  seal(plain: string): Buffer;
  open(sealed: Buffer): string;
}
