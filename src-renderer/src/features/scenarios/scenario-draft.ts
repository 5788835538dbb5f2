import type { FieldIssue } from '../../../../src-shared/contracts/contract-kit.ts';
import { formatDurationNotation, parseDurationNotation, DURATION_NOTATION_HINT } from '../../../../src-shared/domain/duration-notation.ts';
import type { Scenario, ScenarioInput } from '../../../../src-shared/domain/scenario.ts';
import type { VendorId } from '../../../../src-shared/domain/vendor.ts';
import { findCatalogEvent, firstEventOf } from '../../../../src-shared/vendors/catalogs.ts';

/** A step as the editor holds it: the delay and state edits as typed, so a half-typed value is kept. */
export interface DraftStep {
  /** Stable across moves, so React keeps each row's editor with its step. */
  key: string;
  vendor: VendorId;
  eventName: string;
  activity: string;
  delay: string;
  stateEdits: string;
}

export interface ScenarioDraft {
  /** Unset for a scenario not saved yet. */
  id?: string;
  name: string;
  description: string;
  seed: string;
  steps: DraftStep[];
}

let nextKey = 0;
const stepKey = () => `step-${++nextKey}`;

/** A step firing `eventName` (or, if the catalog has no such event, its first one) with its first activity, at once. */
export function newDraftStep(vendor: VendorId, eventName: string): DraftStep {
  const event = findCatalogEvent(vendor, eventName);
  const chosen = event ? { eventName: event.name, activity: event.activities[0] ?? '' } : firstEventOf(vendor);
  return { key: stepKey(), vendor, ...chosen, delay: '0s', stateEdits: '' };
}

function draftSteps(scenario: Scenario): DraftStep[] {
  return scenario.steps.map((step) => ({
    key: stepKey(),
    vendor: step.vendor,
    eventName: step.eventName,
    activity: step.activity ?? findCatalogEvent(step.vendor, step.eventName)?.activities[0] ?? '',
    // The notation would say 0d; "0s" reads as "at once".
    delay: step.delayMs === 0 ? '0s' : formatDurationNotation(step.delayMs),
    stateEdits: step.stateEdits ? JSON.stringify(step.stateEdits, null, 2) : '',
  }));
}

export function draftOf(scenario: Scenario): ScenarioDraft {
  return { id: scenario.id, name: scenario.name, description: scenario.description, seed: String(scenario.seed), steps: draftSteps(scenario) };
}

/** A built-in is edited by copying it into a user scenario. */
export function copyDraftOf(scenario: Scenario): ScenarioDraft {
  return { ...draftOf(scenario), id: undefined, name: `Copy of ${scenario.name}`.slice(0, 100) };
}

export function emptyDraft(): ScenarioDraft {
  return { name: '', description: '', seed: String(Math.floor(Math.random() * 10_000)), steps: [] };
}

/** What a draft says, leaving out the React keys of its steps. */
function draftContent(draft: ScenarioDraft): string {
  return JSON.stringify({ ...draft, steps: draft.steps.map(({ key: _key, ...step }) => step) });
}

/**
 * Whether closing the draft would lose something typed: against the scenario it edits, or for a
 * new one, anything beyond its random seed.
 */
export function draftHasEdits(draft: ScenarioDraft, edited: Scenario | null): boolean {
  if (edited) return draftContent(draft) !== draftContent(draftOf(edited));
  return draft.name.trim() !== '' || draft.description.trim() !== '' || draft.steps.length > 0;
}

function parseStateEdits(text: string): Record<string, unknown> | undefined | 'invalid' {
  if (text.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : 'invalid';
  } catch {
    return 'invalid';
  }
}

/**
 * The save request for a draft, or the issues that keep it from being one: the same paths the
 * engine names (`steps[1].delayMs`), so both kinds of error land on the same field.
 */
export function draftToInput(draft: ScenarioDraft): { input: ScenarioInput & { id?: string } } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const seed = Number(draft.seed);
  if (draft.seed.trim() === '' || !Number.isInteger(seed)) issues.push({ path: 'seed', message: 'must be a whole number' });
  const steps = draft.steps.map((step, index) => {
    const delayMs = parseDurationNotation(step.delay);
    if (delayMs === null) issues.push({ path: `steps[${index}].delayMs`, message: `must be ${DURATION_NOTATION_HINT}` });
    const stateEdits = parseStateEdits(step.stateEdits);
    if (stateEdits === 'invalid') issues.push({ path: `steps[${index}].stateEdits`, message: 'must be a JSON object (a merge patch), or empty' });
    return {
      vendor: step.vendor,
      eventName: step.eventName,
      ...(step.activity && { activity: step.activity }),
      delayMs: delayMs ?? 0,
      ...(stateEdits && stateEdits !== 'invalid' && { stateEdits }),
    };
  });
  if (issues.length > 0) return { issues };
  return { input: { ...(draft.id && { id: draft.id }), name: draft.name, description: draft.description, seed, steps } };
}

/** Moves the step at `index` by `offset` places, within the list. */
export function moveStep(steps: readonly DraftStep[], index: number, offset: -1 | 1): DraftStep[] {
  const target = index + offset;
  if (target < 0 || target >= steps.length) return [...steps];
  const next = [...steps];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
