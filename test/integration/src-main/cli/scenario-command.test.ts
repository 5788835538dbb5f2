import { describe, expect, it } from 'vitest';
import type { DeliverySummary } from '../../../../src-shared/domain/delivery.ts';
import type { Scenario, ScenarioStepResult } from '../../../../src-shared/domain/scenario.ts';
import { startTestService } from '../../../fixtures/app-service.ts';
import { HOOKLAB_BIN, childEnv, runHooklab, runHooklabJson, spawnNode } from '../../../fixtures/cli-process.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

const ZENTITLE2_STORY = 'Zentitle2: customer to expiry';

type RunOutput = { steps: (ScenarioStepResult & { deliveries: DeliverySummary[] })[]; timedOut: boolean };

/**
 * A data directory at 3600× with one webhook for every event of the Zentitle2 story, pointing at
 * the built-in receiver's bin "story" (which answers `status`); one retry, a vendor second later.
 */
async function dataDirForStory(status: number): Promise<string> {
  const dataDir = tempDir();
  const service = await startTestService({ dataDir });
  const { api } = service;
  await api.setTimeScale({ scale: 3600 });
  const story = (await api.listScenarios()).find((scenario) => scenario.name === ZENTITLE2_STORY)!;
  await api.createWebhook({
    vendor: 'zentitle2',
    name: 'story',
    events: story.steps.map((step) => step.eventName),
    endpointUrl: `${service.info.receiverUrl}/r/story`,
    retryPolicy: { kind: 'fixed', intervalsMs: [1000] },
  });
  await api.setBinScript({ bin: 'story', script: { status } });
  await service.close();
  return dataDir;
}

describe('hooklab scenario', () => {
  it('list shows the built-in scenarios', { timeout: 60_000 }, async () => {
    const scenarios = await runHooklabJson<Scenario[]>(tempDir(), ['scenario', 'list', '--json']);
    expect(scenarios.filter((scenario) => scenario.builtIn).map((scenario) => scenario.vendors[0])).toEqual([
      'sentinel-ems',
      'flexnet',
      'zentitle2',
      'cloudevents',
    ]);
  });

  it('run exits 0 when every step is delivered, printing each step with its deliveries', { timeout: 60_000 }, async () => {
    const dataDir = await dataDirForStory(200);
    const out = await runHooklabJson<RunOutput>(dataDir, ['scenario', 'run', ZENTITLE2_STORY, '--speed', '1000', '--json']);
    expect(out.timedOut).toBe(false);
    expect(out.steps.map((step) => [step.eventName, step.deliveries.map((delivery) => delivery.status)])).toEqual([
      ['customer.created', ['succeeded']],
      ['entitlement.created', ['succeeded']],
      ['entitlement.activated', ['succeeded']],
      ['entitlement.seat.activated', ['succeeded']],
      ['entitlement.expires7days', ['succeeded']],
      ['entitlement.expired', ['succeeded']],
    ]);

    const text = await runHooklab(dataDir, ['scenario', 'run', ZENTITLE2_STORY, '--speed', '1000']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('6. entitlement.expired (zentitle2) event ');
    expect(text.stdout).toMatch(/story → http:\/\/127\.0\.0\.1:\d+\/r\/story: succeeded, HTTP 200/);
  });

  it('run exits 1 when a delivery fails after its retries', { timeout: 60_000 }, async () => {
    const dataDir = await dataDirForStory(500);
    const result = await runHooklab(dataDir, ['scenario', 'run', ZENTITLE2_STORY, '--speed', '1000', '--json']);
    expect(result.code).toBe(1);
    const out = JSON.parse(result.stdout) as RunOutput;
    expect(out.steps.flatMap((step) => step.deliveries.map((delivery) => [delivery.status, delivery.attemptCount]))).toEqual(
      Array.from({ length: 6 }, () => ['failed', 2]),
    );
  });

  it('run exits 2 for an unknown name, naming the known ones', { timeout: 60_000 }, async () => {
    const result = await runHooklab(tempDir(), ['scenario', 'run', 'nope']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      `hooklab: <name>: no scenario is named "nope"; known: "Sentinel EMS: entitlement lifecycle", "FlexNet: product, entitlement, device", "${ZENTITLE2_STORY}", "CloudEvents: customer to expiry"`,
    );
  });

  it('run without a name lists the names', { timeout: 60_000 }, async () => {
    const result = await runHooklab(tempDir(), ['scenario', 'run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `Which scenario? hooklab scenario run NAME, with NAME one of:\n  Sentinel EMS: entitlement lifecycle\n  FlexNet: product, entitlement, device\n  ${ZENTITLE2_STORY}\n  CloudEvents: customer to expiry\n`,
    );
  });

  it('--create-webhooks and --demo-pace play the Sentinel story on a fresh workspace at 1×, every step delivered, printing each wait', {
    timeout: 60_000,
  }, async () => {
    const started = Date.now();
    const result = await runHooklab(tempDir(), ['scenario', 'run', 'Sentinel EMS: entitlement lifecycle', '--create-webhooks', '--demo-pace', '0.5']);
    expect(result.code).toBe(0);
    // An hour, a day and 30 days at 1× take a second and a half.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.stdout).toMatch(/^created webhook "Story - Thales Sentinel EMS" → http:\/\/127\.0\.0\.1:\d+\/r\/story-sentinel-ems\n/);
    // The real wait is read once the wait has begun: a loaded machine may print 499 ms.
    expect(result.stdout).toMatch(/waiting 30 d of vendor time before step 4\/4 \(Entitlement Expired\): (49\d|500) ms real, shortened by --demo-pace\n/);
    expect(result.stdout).toContain('fired 4/4: Entitlement Expired\n');
    expect(result.stdout.match(/: succeeded, HTTP 200/g)).toHaveLength(4);
  });

  it('a long wait prints its length in vendor and real time, a countdown and how to play faster', { timeout: 60_000 }, async () => {
    const run = spawnNode(HOOKLAB_BIN, ['--data', tempDir(), 'scenario', 'run', 'Sentinel EMS: entitlement lifecycle'], { env: childEnv() });
    try {
      await run.waitForStdout(/fired 1\/4: Entitlement Added\n/);
      await run.waitForStdout(/waiting 1 h of vendor time before step 2\/4 \(Activation Added\): 1 h real at 1× and --speed 1\n/);
      await run.waitForStdout(/ {2}to play it faster: --speed 720 \(about 5 s\), or --demo-pace 5 for every wait at most 5 s\n/);
      await run.waitForStdout(/ {2}59 min 5\d s left\n/, 15_000);
    } finally {
      await run.stop();
    }
  });
});
