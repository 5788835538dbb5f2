import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vendorCatalogs } from '../../src-shared/vendors/catalogs.ts';
import { VENDOR_API_ASSUMPTIONS } from '../../src-shared/vendors/vendor-api-assumptions.ts';

const README = new URL('../../README.md', import.meta.url);

/** The README's table of the vendor APIs' assumptions, as vendor-api-assumptions.ts (the one place they live) makes it. */
function assumptionsTable(): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  const rows = VENDOR_API_ASSUMPTIONS.map(
    ({ vendor, subject, choice }) => `| ${vendor ? vendorCatalogs[vendor].label : 'all'} | ${cell(subject)} | ${cell(choice)} |`,
  );
  return ["| vendor | subject | Hooklab's choice |", '| --- | --- | --- |', ...rows].join('\n');
}

describe("README: the vendor APIs' assumptions", () => {
  it('lists every assumption exactly as vendor-api-assumptions.ts has it', () => {
    const table = assumptionsTable();
    expect(readFileSync(README, 'utf8').includes(table), `README.md must contain this table (under "What Hooklab assumes"):\n${table}`).toBe(true);
  });
});
