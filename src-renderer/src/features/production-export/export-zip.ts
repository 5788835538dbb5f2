import { strToU8, zipSync, type ZipOptions } from 'fflate';
import { exportFileMode, type ExportFile } from '../../../../src-shared/domain/production-export.ts';

export const EXPORT_ZIP_NAME = 'hooklab-production-export.zip';

/** A regular file's type bits over its permissions: Unix modes sit in the upper 16 bits of a zip entry's external attributes. */
const REGULAR_FILE = 0o100000;
const UNIX = 3;

/**
 * The export's files as one zip, so "Download all" is one download instead of one prompt per
 * file; each unpacks with the permissions `hooklab export production` gives it.
 */
export function exportZip(files: readonly ExportFile[], savedAt: Date, withSecrets: boolean): Blob {
  const zipped = zipSync(
    Object.fromEntries(
      files.map((file): [string, [Uint8Array, ZipOptions]] => [
        file.name,
        [strToU8(file.content), { os: UNIX, attrs: (REGULAR_FILE | exportFileMode(file.name, withSecrets)) * 0x10000, mtime: savedAt }],
      ]),
    ),
  );
  // A copy typed as backed by a plain ArrayBuffer, which is what Blob takes.
  return new Blob([new Uint8Array(zipped)], { type: 'application/zip' });
}
