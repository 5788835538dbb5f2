import { describe, expect, it } from 'vitest';
import type { ScenarioRunStatus } from '../../../../src-shared/domain/scenario.ts';
import { startTestService } from '../../../fixtures/app-service.ts';
import { ManualClock } from '../../../fixtures/manual-clock.ts';
import { rejection } from '../../../fixtures/rejection.ts';
import { waitFor } from '../../../fixtures/wait-for.ts';

const MINUTE = 60_000;

/** Three Sentinel steps a minute apart, on a clock moved by hand. */
async function startControlledService() {
  const clock = new ManualClock();
  const service = await startTestService({ clock });
  const { api } = service;
  const scenario = await api.saveScenario({
    name: 'three steps',
    steps: [
      { vendor: 'sentinel-ems', eventName: 'Entitlement Added', delayMs: MINUTE },
      { vendor: 'sentinel-ems', eventName: 'Entitlement Updated', delayMs: MINUTE },
      { vendor: 'sentinel-ems', eventName: 'Entitlement Expired', delayMs: MINUTE },
    ],
  });
  const changes: ScenarioRunStatus[] = [];
  api.onScenarioRunChanged((status) => changes.push(status));
  const latest = () => changes.at(-1)!;
  /** Until the run has fired `count` steps and is no longer firing. */
  const settledAfter = (count: number) => waitFor(() => latest().steps.length === count && latest().state !== 'firing' && latest(), `${count} step(s) fired`);
  return { api, clock, scenario, changes, latest, settledAfter };
}

describe('scenario run controls', () => {
  it('pause keeps what is left of a delay, resume goes on from there, speed changes the pace of the delay under way', async () => {
    const { api, clock, scenario, settledAfter } = await startControlledService();
    const started = await api.startScenario({ id: scenario.id, runId: 'demo' });
    expect(started).toMatchObject({ runId: 'demo', scenarioName: 'three steps', state: 'waiting', total: 3, steps: [], nextStepInMs: MINUTE });

    clock.advance(MINUTE / 4);
    expect(await api.controlScenarioRun({ runId: 'demo', action: 'pause' })).toMatchObject({ state: 'paused', nextStepInMs: null, steps: [] });
    clock.advance(60 * MINUTE);
    expect((await api.listScenarioRuns())[0]).toMatchObject({ state: 'paused', steps: [] });

    expect(await api.controlScenarioRun({ runId: 'demo', action: 'resume' })).toMatchObject({ state: 'waiting', nextStepInMs: (3 * MINUTE) / 4 });
    expect(await api.controlScenarioRun({ runId: 'demo', action: 'speed', speed: 3 })).toMatchObject({ state: 'waiting', speed: 3, nextStepInMs: MINUTE / 4 });
    clock.advance(MINUTE / 4 - 1);
    expect((await api.listScenarioRuns())[0]!.steps).toEqual([]);
    clock.advance(1);
    const afterFirst = await settledAfter(1);
    expect(afterFirst).toMatchObject({ state: 'waiting', nextStepInMs: MINUTE / 3 });
    expect(afterFirst.steps[0]).toMatchObject({ step: 1, eventName: 'Entitlement Added' });
  });

  it('step fires the next step at once and holds; stop ends the run and refuses further controls', async () => {
    const { api, scenario, settledAfter, latest } = await startControlledService();
    expect(await api.startScenario({ id: scenario.id, runId: 'steps', paused: true })).toMatchObject({ state: 'paused', steps: [] });

    await api.controlScenarioRun({ runId: 'steps', action: 'step' });
    expect(await settledAfter(1)).toMatchObject({ state: 'paused', nextStepInMs: null });
    await api.controlScenarioRun({ runId: 'steps', action: 'step' });
    const second = await settledAfter(2);
    expect(second.steps.map((step) => step.eventName)).toEqual(['Entitlement Added', 'Entitlement Updated']);
    // The same entitlement all along: the story's entities carry across single steps too.
    expect(second.steps[1]!.entityId).toBe(second.steps[0]!.entityId);

    expect(await api.controlScenarioRun({ runId: 'steps', action: 'stop' })).toMatchObject({ state: 'stopped', steps: second.steps });
    expect(latest().state).toBe('stopped');
    const refused = await rejection(api.controlScenarioRun({ runId: 'steps', action: 'resume' }));
    expect(refused).toMatchObject({ code: 'conflict', message: 'Cannot resume scenario run steps: it is stopped.' });
    expect((await rejection(api.controlScenarioRun({ runId: 'nope', action: 'pause' }))).code).toBe('not_found');
  });

  it('stepping through the last step finishes the run; a bad speed names the field and changes nothing', async () => {
    const { api, scenario, settledAfter } = await startControlledService();
    await api.startScenario({ id: scenario.id, runId: 'to-the-end', paused: true });
    const bad = await rejection(api.controlScenarioRun({ runId: 'to-the-end', action: 'speed', speed: 0 }));
    expect(bad).toMatchObject({ code: 'invalid_input', message: 'speed: must be more than 0' });
    expect((await api.listScenarioRuns())[0]).toMatchObject({ speed: 1, state: 'paused' });

    for (const count of [1, 2]) {
      await api.controlScenarioRun({ runId: 'to-the-end', action: 'step' });
      await settledAfter(count);
    }
    await api.controlScenarioRun({ runId: 'to-the-end', action: 'step' });
    expect(await settledAfter(3)).toMatchObject({ state: 'finished' });
  });

  it('stop right after step: the step fired either way is in the run, which ends stopped', async () => {
    const { api, scenario, latest } = await startControlledService();
    await api.startScenario({ id: scenario.id, runId: 'halt', paused: true });
    const stepping = api.controlScenarioRun({ runId: 'halt', action: 'step' });
    const stopped = await api.controlScenarioRun({ runId: 'halt', action: 'stop' });
    await stepping;
    expect(stopped.state).toBe('stopped');
    await waitFor(() => latest().steps.length === 1 && latest(), 'the step to show in the run');
    expect(latest()).toMatchObject({ state: 'stopped', steps: [{ step: 1, eventName: 'Entitlement Added' }] });
  });

  it('demo pace caps every wait in real time, at any time scale, without moving the engine clock', async () => {
    const clock = new ManualClock();
    const service = await startTestService({ clock, timeScale: 3600 });
    const { api } = service;
    const DAY = 24 * 60 * MINUTE;
    const scenario = await api.saveScenario({
      name: 'a month',
      steps: [
        { vendor: 'sentinel-ems', eventName: 'Entitlement Added' },
        { vendor: 'sentinel-ems', eventName: 'Entitlement Expired', delayMs: 30 * DAY },
      ],
    });
    const changes: ScenarioRunStatus[] = [];
    api.onScenarioRunChanged((status) => changes.push(status));
    await api.startScenario({ id: scenario.id, runId: 'demo', maxWaitMs: 5000 });
    clock.advance(0); // the first step's (zero) delay, on the hand-moved clock
    const waiting = await waitFor(() => changes.find((status) => status.state === 'waiting' && status.steps.length === 1), 'the 30-day wait');
    // 30 days at 3600× would be 12 min; demo pace makes it 5 s.
    expect(waiting).toMatchObject({ maxWaitMs: 5000, nextStepInMs: 5000, nextStepDelayMs: 30 * DAY });

    // At 1× the cap still holds in real time (not 5 s × 3600).
    clock.advance(1000);
    await api.setTimeScale({ scale: 1 });
    expect((await api.listScenarioRuns())[0]).toMatchObject({ state: 'waiting', nextStepInMs: 4000 });
    const before = await api.getTimeScale();
    clock.advance(4000);
    await waitFor(async () => (await api.listScenarioRuns())[0]!.state === 'finished', 'the run to finish');
    // The engine clock went on at its own pace: no 30-day jump.
    const after = await api.getTimeScale();
    expect(after.vendorNow - before.vendorNow).toBe(4000);

    const bad = await rejection(api.startScenario({ id: scenario.id, maxWaitMs: -1 }));
    expect(bad).toMatchObject({ code: 'invalid_input', message: 'maxWaitMs: must be 0 or more' });
  });
});
