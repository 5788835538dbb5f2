/**
 * Seals secrets at rest. One implementation per runtime: a 0600 key file under plain Node
 * (serve mode and the CLI); the desktop shell may supply one backed by the OS keychain.
 */
export interface SecretBox {
  seal(plain: string): Buffer;
  open(sealed: Buffer): string;
}
