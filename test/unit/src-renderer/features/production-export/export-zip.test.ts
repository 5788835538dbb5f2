import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportZip } from '../../../../../src-renderer/src/features/production-export/export-zip.ts';

const FILES = [
  { name: 'erp.json', content: '{"url": "{{ENDPOINT_URL}}"}\n' },
  { name: 'erp.sh', content: '#!/usr/bin/env bash\necho hi\n' },
];

/** Each entry's Unix mode, read from the zip's central directory (fflate's reader does not give it). */
function unixModes(zip: Uint8Array): Record<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const modes: Record<string, number> = {};
  for (let at = 0; at + 46 <= zip.length; at += 1) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    const name = strFromU8(zip.subarray(at + 46, at + 46 + nameLength));
    modes[name] = view.getUint32(at + 38, true) >>> 16;
  }
  return modes;
}

describe('exportZip: "Download all" as one zip', () => {
  it('holds every file byte for byte, in order', async () => {
    const zip = new Uint8Array(await exportZip(FILES, new Date('2026-12-06T12:00:00Z'), false).arrayBuffer());
    const entries = unzipSync(zip);
    expect(Object.keys(entries)).toEqual(['erp.json', 'erp.sh']);
    expect(strFromU8(entries['erp.sh']!)).toBe(FILES[1]!.content);
  });

  it('gives the files the permissions hooklab export production gives them: scripts executable, secrets private', async () => {
    const plain = unixModes(new Uint8Array(await exportZip(FILES, new Date(), false).arrayBuffer()));
    expect(plain).toEqual({ 'erp.json': 0o100644, 'erp.sh': 0o100744 });
    const withSecrets = unixModes(new Uint8Array(await exportZip(FILES, new Date(), true).arrayBuffer()));
    expect(withSecrets).toEqual({ 'erp.json': 0o100600, 'erp.sh': 0o100700 });
  });
});
