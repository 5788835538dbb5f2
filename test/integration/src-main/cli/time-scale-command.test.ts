import { describe, expect, it, onTestFinished } from 'vitest';
import type { TimeScaleState } from '../../../../src-shared/domain/time-scale.ts';
import { runHooklab, runHooklabJson, startServe } from '../../../fixtures/cli-process.ts';
import { bearer, callMethod } from '../../../fixtures/serve-api.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

describe('hooklab time-scale', () => {
  it('sets the running serve’s clock, which reports it over its API; the scale outlives the serve', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const serve = await startServe(dataDir);
    onTestFinished(async () => {
      await serve.stop();
    });

    expect(await runHooklabJson<TimeScaleState>(dataDir, ['time-scale', '--json'])).toMatchObject({ scale: 1 });
    const set = await runHooklabJson<TimeScaleState>(dataDir, ['time-scale', '--set', '3600', '--json']);
    expect(set.scale).toBe(3600);
    const seen = await callMethod(serve.apiUrl, 'getTimeScale', undefined, bearer(serve.token));
    expect(seen.body).toMatchObject({ scale: 3600 });
    // Vendor time now runs an hour per second.
    expect((seen.body as TimeScaleState).vendorNow).toBeGreaterThanOrEqual(set.vendorNow);

    // The CLI's own run took some milliseconds at 3600×: minutes ahead, until reset.
    expect(seen.body as TimeScaleState).toSatisfy(({ vendorNow, realNow }: TimeScaleState) => vendorNow - realNow > 60_000);
    const reset = await runHooklabJson<TimeScaleState>(dataDir, ['time-scale', '--reset', '--json']);
    expect(reset.scale).toBe(3600);
    expect(Math.abs(reset.vendorNow - reset.realNow)).toBeLessThan(60_000);

    const refused = await callMethod(serve.apiUrl, 'setTimeScale', { scale: 10 }, bearer(serve.token));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/scale.*must be one of 1, 60, 3600/);

    expect(await serve.stop()).toBe(0);
    const after = await runHooklab(dataDir, ['time-scale']);
    expect(after.stdout).toMatch(/^time scale 3600× \(vendor time now \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)\n$/);
  });

  it('a scale that is not offered is a usage error naming --set', async () => {
    const result = await runHooklab(tempDir(), ['time-scale', '--set', '7']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe("hooklab: option '--set <scale>' argument '7' is invalid. must be one of 1, 60, 3600");
  });
});
