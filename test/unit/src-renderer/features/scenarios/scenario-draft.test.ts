import { describe, expect, it } from 'vitest';
import { saveScenarioInputSchema, type Scenario } from '../../../../../src-shared/domain/scenario.ts';
import { copyDraftOf, draftOf, draftToInput, moveStep, newDraftStep } from '../../../../../src-renderer/src/features/scenarios/scenario-draft.ts';

const scenario: Scenario = {
  id: 'sc_1',
  builtIn: false,
  vendors: ['sentinel-ems'],
  name: 'Story',
  description: '',
  seed: 7,
  steps: [
    { vendor: 'sentinel-ems', eventName: 'Entitlement Added', activity: 'Add Entitlement', delayMs: 0 },
    { vendor: 'sentinel-ems', eventName: 'Activation Added', delayMs: 90_000, stateEdits: { activation: { state: 'X' } } },
  ],
};

describe('scenario draft', () => {
  it('round-trips a saved scenario into a save request the engine accepts', () => {
    const draft = draftOf(scenario);
    expect(draft.steps.map((step) => [step.delay, step.activity])).toEqual([
      ['0s', 'Add Entitlement'],
      ['90s', 'Add Activation'],
    ]);
    const built = draftToInput(draft);
    expect('input' in built && built.input).toMatchObject({
      id: 'sc_1',
      seed: 7,
      steps: [{ delayMs: 0 }, { delayMs: 90_000, stateEdits: { activation: { state: 'X' } } }],
    });
    expect('input' in built && saveScenarioInputSchema.safeParse(built.input).success).toBe(true);
  });

  it('names the step and field of a bad delay or bad state edits, the way the engine names its paths', () => {
    const draft = draftOf(scenario);
    draft.steps[1] = { ...draft.steps[1]!, delay: 'soon', stateEdits: '[1]' };
    expect(draftToInput({ ...draft, seed: '1.5' })).toEqual({
      issues: [
        { path: 'seed', message: 'must be a whole number' },
        { path: 'steps[1].delayMs', message: expect.stringContaining('30s, 2m, 1h') },
        { path: 'steps[1].stateEdits', message: 'must be a JSON object (a merge patch), or empty' },
      ],
    });
  });

  it('copies a built-in as a new scenario named "Copy of …"', () => {
    const copy = copyDraftOf({ ...scenario, id: 'builtin:story', builtIn: true });
    expect(copy.id).toBeUndefined();
    expect(copy.name).toBe('Copy of Story');
  });

  it('moves steps within the list and adds one with the event’s first activity', () => {
    const steps = draftOf(scenario).steps;
    expect(moveStep(steps, 1, -1).map((step) => step.eventName)).toEqual(['Activation Added', 'Entitlement Added']);
    expect(moveStep(steps, 1, 1)).toEqual(steps);
    expect(newDraftStep('sentinel-ems', 'Activation Added')).toMatchObject({ eventName: 'Activation Added', activity: 'Add Activation', delay: '0s' });
  });
});
