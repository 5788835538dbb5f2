import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckCaseResult, CheckRun } from '../../../../src-shared/domain/endpoint-check.ts';
import { CHECK_RUNS_KEPT, countOutcomes, runPassed } from '../../../../src-shared/domain/endpoint-check.ts';
import { createKeyFileSecretBox } from '../../../../src-main/platform/key-file-secret-box.ts';
import { openDatabase } from '../../../../src-main/storage/database.ts';
import { EndpointCheckRepository } from '../../../../src-main/storage/endpoint-check-repository.ts';
import { migrations } from '../../../../src-main/storage/migrations.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

const BASIC = `Basic ${Buffer.from('ems:correct horse').toString('base64')}`;

function caseResult(caseId: string, outcome: CheckCaseResult['outcome']): CheckCaseResult {
  return {
    caseId,
    family: 'auth',
    title: caseId,
    required: true,
    outcome,
    expected: 'HTTP 401',
    verdict: 'HTTP 401 in 3 ms',
    why: 'because',
    exchanges: [
      {
        request: { method: 'POST', url: 'http://127.0.0.1:9/hooks', headers: { authorization: BASIC, 'content-type': 'application/json' }, body: '{"a":1}' },
        response: { status: 401, headers: { 'set-cookie': 'session=abc', 'content-length': '0' }, body: '', bodyBytes: 0, bodyTruncated: false },
        error: null,
        durationMs: 3,
      },
    ],
  };
}

function checkRun(id: string, startedAt: number, cases: CheckCaseResult[]): CheckRun {
  return {
    id,
    url: 'http://127.0.0.1:9/hooks',
    vendor: 'sentinel-ems',
    webhookName: 'checked',
    startedAt,
    finishedAt: startedAt + 5,
    counts: countOutcomes(cases),
    passed: runPassed(cases),
    cases,
  };
}

describe('endpoint check runs in SQLite (migration 15)', () => {
  it('an upgraded version-14 workspace keeps its rows and stores runs; credentials are sealed on disk and come back as sent', () => {
    const dir = tempDir();
    const file = join(dir, 'hooklab.sqlite');
    const before = openDatabase(
      file,
      migrations.filter((migration) => migration.version <= 14),
    );
    before.prepare("INSERT INTO settings (key, value) VALUES ('kept', 'yes')").run();
    before.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'kept'").get()).toEqual({ value: 'yes' });
    const runs = new EndpointCheckRepository(db, createKeyFileSecretBox(dir));
    const older = checkRun('run-1', 1_000, [caseResult('auth.missing', 'pass')]);
    const newer = checkRun('run-2', 2_000, [caseResult('auth.missing', 'fail'), caseResult('auth.basic-wrong-password', 'skipped')]);
    runs.save(older);
    runs.save(newer);

    const onDisk = db.prepare('SELECT exchanges FROM endpoint_check_cases').all() as { exchanges: string }[];
    for (const { exchanges } of onDisk) {
      expect(exchanges).not.toContain(BASIC.slice('Basic '.length));
      expect(exchanges).not.toContain('session=abc');
    }
    expect(runs.get('run-2')).toEqual(newer);
    expect(runs.list(10).map((run) => [run.id, run.passed, run.counts])).toEqual([
      ['run-2', false, { pass: 0, fail: 1, advisory: 0, skipped: 1 }],
      ['run-1', true, { pass: 1, fail: 0, advisory: 0, skipped: 0 }],
    ]);
    expect(runs.list(1).map((run) => run.id)).toEqual(['run-2']);
    expect(runs.get('missing')).toBeNull();

    db.prepare("DELETE FROM endpoint_check_runs WHERE id = 'run-2'").run();
    expect(db.prepare("SELECT count(*) AS n FROM endpoint_check_cases WHERE run_id = 'run-2'").get()).toEqual({ n: 0 });
    db.close();
  });

  it(`keeps the newest ${CHECK_RUNS_KEPT} runs; older ones go with their cases`, () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'hooklab.sqlite'));
    const runs = new EndpointCheckRepository(db, createKeyFileSecretBox(dir));
    for (let index = 0; index < CHECK_RUNS_KEPT + 2; index += 1) runs.save(checkRun(`run-${index}`, index, [caseResult('auth.missing', 'pass')]));

    expect(runs.list(1000)).toHaveLength(CHECK_RUNS_KEPT);
    expect(runs.get('run-0')).toBeNull();
    expect(runs.get('run-1')).toBeNull();
    expect(db.prepare("SELECT count(*) AS n FROM endpoint_check_cases WHERE run_id IN ('run-0', 'run-1')").get()).toEqual({ n: 0 });
    expect(runs.get(`run-${CHECK_RUNS_KEPT + 1}`)).not.toBeNull();
    db.close();
  });
});
