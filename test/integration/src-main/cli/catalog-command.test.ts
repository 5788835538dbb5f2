import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VendorCatalog } from '../../../../src-shared/domain/vendor.ts';
import { runHooklab, runHooklabJson } from '../../../fixtures/cli-process.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

describe('hooklab catalog', () => {
  it('prints the Sentinel catalog as JSON: entities, their events with operation and condition rule, and activities', async () => {
    const catalog = await runHooklabJson<VendorCatalog>(tempDir(), ['catalog', '--vendor', 'sentinel-ems']);
    expect(catalog).toMatchObject({ vendor: 'sentinel-ems', label: 'Thales Sentinel EMS' });
    const entitlement = catalog.entities.find((entity) => entity.name === 'Entitlement');
    const added = entitlement?.events.find((event) => event.name === 'Entitlement Added');
    expect(added).toMatchObject({ entity: 'Entitlement', operation: 'Create', conditionsAllowed: true });
    expect(added?.activities).toContain('Add Draft Entitlement');
    for (const entity of catalog.entities) {
      for (const event of entity.events) expect(event.entity).toBe(entity.name);
    }
  });

  it('lists the same catalog as readable text, grouped by entity, without opening or creating a workspace', async () => {
    const dataDir = join(tempDir(), 'never-made');
    const json = await runHooklabJson<VendorCatalog>(dataDir, ['catalog']);
    const text = await runHooklab(dataDir, ['catalog']);
    expect(text.code, text.stderr).toBe(0);
    expect(existsSync(dataDir)).toBe(false);

    const events = json.entities.flatMap((entity) => entity.events);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toBe(`Thales Sentinel EMS (sentinel-ems): ${json.entities.length} entities, ${events.length} events`);
    const activityCount = events.find((event) => event.name === 'Entitlement Updated')?.activities.length;
    expect(lines).toContain(`  Entitlement Updated  (Update; trigger conditions allowed; ${activityCount} activities)`);
    // Each event sits under its entity's heading, and each activity under its event.
    for (const entity of json.entities) {
      const heading = lines.indexOf(entity.note ? `${entity.name} (${entity.note})` : entity.name);
      expect(heading, entity.name).toBeGreaterThan(0);
      for (const event of entity.events) {
        const eventLine = lines.findIndex((line, index) => index > heading && line.startsWith(`  ${event.name}  (${event.operation};`));
        expect(eventLine, event.name).toBeGreaterThan(heading);
        expect(lines.slice(eventLine + 1, eventLine + 1 + event.activities.length)).toEqual(event.activities.map((activity) => `    - ${activity}`));
      }
    }
  });

  it.each([
    ['sentinel-ems', /^Auth: basic \| oauth2 \| none\. /m],
    ['flexnet', /^Auth: basic \| bearer, one profile shared by all webhooks of the account\. /m],
    ['zentitle2', /^Signature: N-Signature \(RSA SHA-256, the account key\)$/m],
    ['cloudevents', /^Option mode: structured \| binary \(default structured\)$/m],
  ])('--vendor %s: its own catalog as JSON, and its auth, signature and options in the text', async (vendor, modelLine) => {
    const catalog = await runHooklabJson<VendorCatalog>(tempDir(), ['catalog', '--vendor', vendor, '--json']);
    expect(catalog.vendor).toBe(vendor);
    expect(catalog.entities.flatMap((entity) => entity.events).length).toBeGreaterThan(0);
    const text = await runHooklab(tempDir(), ['catalog', '--vendor', vendor]);
    expect(text.stdout.split('\n')[0]).toMatch(new RegExp(`^${catalog.label.replace(/[()]/g, '\\$&')} \\(${vendor}\\): `));
    expect(text.stdout).toMatch(modelLine);
  });

  it('an unknown vendor is a usage error naming --vendor and the known ids', async () => {
    const result = await runHooklab(tempDir(), ['catalog', '--vendor', 'flexnett', '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^hooklab: option '--vendor <id>' argument 'flexnett' is invalid\. Allowed choices are sentinel-ems[^\n]*\.\n$/);
  });
});
