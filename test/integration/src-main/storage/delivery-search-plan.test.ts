import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../../../src-main/storage/database.ts';
import { searchCountSql, searchPageSql, type SqlStatement } from '../../../../src-main/storage/delivery-search.ts';
import { DELIVERY_MATCH_WEBHOOKS_MAX, DELIVERY_STATUSES, type DeliveryMatch } from '../../../../src-shared/domain/delivery.ts';

// One database for every plan: planning reads the schema only.
const dir = mkdtempSync(join(tmpdir(), 'hooklab-plan-'));
const db = openDatabase(join(dir, DATABASE_FILE));
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const plan = ({ sql, params }: SqlStatement) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);

/**
 * Every filter combination the inspector offers: each field given or not, none, one or several
 * statuses; and several webhooks (a vendor API's search).
 */
const matches: DeliveryMatch[] = [];
for (const webhooks of [{}, { webhookId: 'w' }, { webhookIds: ['w1', 'w2', 'w3'] }])
  for (const eventId of [undefined, 'e'])
    for (const statuses of [undefined, ['failed'], ['succeeded', 'failed', 'retrying']] as const)
      for (const createdFrom of [undefined, 1000])
        for (const createdTo of [undefined, 2000]) matches.push({ ...webhooks, eventId, statuses: statuses && [...statuses], createdFrom, createdTo });

const label = (match: DeliveryMatch) => JSON.stringify(match).replace(/"/g, '');

describe('delivery search query plans (EXPLAIN QUERY PLAN on the real schema)', () => {
  it.each(matches.map((match) => [label(match), match] as const))('%s: a page never sorts the matches or scans them all', (_, match) => {
    const lines = plan(searchPageSql(match, 100, 5000));
    const narrowed = Object.values(match).some((value) => value !== undefined);
    const readsOfDeliveries = lines.filter((line) => /^(SCAN|SEARCH) deliveries\b/.test(line));
    expect(readsOfDeliveries.length).toBeGreaterThan(0);
    for (const line of readsOfDeliveries) {
      // An event id (a handful of rows) is the way in, whatever else is given; without one every
      // search is index-only.
      if (match.eventId === undefined) expect(line).toMatch(/USING COVERING INDEX/);
      else expect(line).toMatch(/USING (COVERING )?INDEX deliveries_event \(event_id=\?\)/);
      // An unfiltered search walks deliveries_created from the newest and stops after the page.
      if (narrowed) expect(line).toMatch(/^SEARCH /);
    }
    // Full rows are read for the page only, by rowid.
    expect(lines).toContain('SEARCH d USING INTEGER PRIMARY KEY (rowid=?)');
    if (match.eventId === undefined) expect(lines.filter((line) => line.includes('TEMP B-TREE'))).toEqual([]);
  });

  it.each(matches.map((match) => [label(match), match] as const))('%s: the total is counted from an index', (_, match) => {
    const lines = plan(searchCountSql(match));
    expect(lines).toHaveLength(1);
    const [line] = lines;
    if (match.eventId === undefined) expect(line).toMatch(/USING COVERING INDEX/);
    else expect(line).toMatch(/^SEARCH deliveries USING (COVERING )?INDEX deliveries_event \(event_id=\?\)/);
  });

  it('the most webhooks a match may list, with the most statuses that narrow, make a query SQLite takes', () => {
    const webhookIds = Array.from({ length: DELIVERY_MATCH_WEBHOOKS_MAX }, (_, n) => `w${n}`);
    const statuses = DELIVERY_STATUSES.slice(1);
    const lines = plan(searchPageSql({ webhookIds, statuses }, 100, 0));
    expect(lines.filter((line) => line.includes('TEMP B-TREE'))).toEqual([]);
    expect(lines.filter((line) => /^(SCAN|SEARCH) deliveries\b/.test(line))).toHaveLength(webhookIds.length * statuses.length);
  });
});
