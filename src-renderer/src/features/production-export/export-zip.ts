import { strToU8, zipSync, type ZipOptions } from 'fflate';
import type { ExportFile } from '../../../../src-shared/domain/production-export.ts';

export const EXPORT_ZIP_NAME = 'hooklab-production-export.zip';

/** Unix modes in the zip's external attributes (upper 16 bits): scripts unpack ready to run. */
const SCRIPT_MODE = 0o100755;
const FILE_MODE = 0o100644;
const UNIX = 3;

/** The export's files as one zip, so "Download all" is one download instead of one prompt per file. */
export function exportZip(files: readonly ExportFile[], savedAt: Date): Blob {
  const zipped = zipSync(
    Object.fromEntries(
      files.map((file): [string, [Uint8Array, ZipOptions]] => [
        file.name,
        [strToU8(file.content), { os: UNIX, attrs: (file.name.endsWith('.sh') ? SCRIPT_MODE : FILE_MODE) << 16, mtime: savedAt }],
      ]),
    ),
  );
  // A copy typed as backed by a plain ArrayBuffer, which is what Blob takes.
  return new Blob([new Uint8Array(zipped)], { type: 'application/zip' });
}
