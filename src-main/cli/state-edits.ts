import { InvalidArgumentError } from 'commander';
import { closestName } from '../../src-shared/domain/closest-name.ts';
import { isJsonObject } from '../../src-shared/domain/json-object.ts';
import { UsageError } from './cli-error.ts';

/** One `--set path=value`: the path as written and its steps, and the value to put there. */
export interface StateEdit {
  path: string;
  steps: Array<string | number>;
  value: unknown;
}

const FIRST_STEP = /^[^.[\]]+/;
const NEXT_STEP = /^(?:\.([^.[\]]+)|\[(\d+)\])/;

/** `entitlement.items[0].quantity` as `['entitlement', 'items', 0, 'quantity']`; null when it is not a path. */
function pathSteps(path: string): Array<string | number> | null {
  const first = FIRST_STEP.exec(path);
  if (!first) return null;
  const steps: Array<string | number> = [first[0]];
  for (let rest = path.slice(first[0].length); rest !== ''; ) {
    const match = NEXT_STEP.exec(rest);
    if (!match) return null;
    steps.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
    rest = rest.slice(match[0].length);
  }
  return steps;
}

/**
 * Commander parser for a repeatable `--set path=value`: the path in the condition notation
 * (`entitlement.state`, `entitlement.items[0].quantity`), the value as JSON when it parses
 * (`5`, `true`, `null`, `{"a":1}`), else as the string typed (`DISABLE`).
 */
export function stateEdit(text: string, previous: StateEdit[] = []): StateEdit[] {
  const equals = text.indexOf('=');
  const path = equals === -1 ? '' : text.slice(0, equals).trim();
  const steps = path === '' ? null : pathSteps(path);
  if (!steps) throw new InvalidArgumentError(`"${text}" must be path=value, e.g. entitlement.state=DISABLE or entitlement.items[0].quantity=5`);
  const raw = text.slice(equals + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // Not JSON: the text itself, so `state=DISABLE` needs no quotes.
  }
  return [...previous, { path, steps, value }];
}

/** The first steps of a path, written back as a path: what a step was looked up in, for the error. */
function printSteps(steps: ReadonlyArray<string | number>): string {
  return steps.map((step, index) => (typeof step === 'number' ? `[${step}]` : index === 0 ? step : `.${step}`)).join('');
}

/**
 * A copy of the state with each edit made in order. Edits change what the state has; a path it
 * does not have is refused, naming the path and, for a typo, the name it likely meant.
 */
export function applyStateEdits(state: Record<string, unknown>, edits: readonly StateEdit[]): Record<string, unknown> {
  const edited = structuredClone(state);
  for (const { path, steps, value } of edits) {
    const fail = (why: string): never => {
      throw new UsageError(`--set ${path}: ${why}`);
    };
    let container: unknown = edited;
    steps.forEach((step, at) => {
      const where = at === 0 ? 'the state' : `\`${printSteps(steps.slice(0, at))}\``;
      if (typeof step === 'number') {
        if (!Array.isArray(container)) fail(`${where} is not an array`);
        const list = container as unknown[];
        if (step >= list.length) fail(`${where} has ${list.length} element${list.length === 1 ? '' : 's'}, no [${step}]`);
        if (at === steps.length - 1) list[step] = value;
        else container = list[step];
        return;
      }
      if (!isJsonObject(container)) fail(`${where} is not an object`);
      const object = container as Record<string, unknown>;
      if (!Object.hasOwn(object, step)) {
        const meant = closestName(step, Object.keys(object));
        fail(`${where} has no "${step}"${meant ? `; did you mean "${meant}"?` : ''} (--set changes fields the state has; give a whole state with --state)`);
      }
      // Defined, not assigned: a payload's own "__proto__" key stays a key and never sets a prototype.
      if (at === steps.length - 1) Object.defineProperty(object, step, { value, enumerable: true, writable: true, configurable: true });
      else container = object[step];
    });
  }
  return edited;
}
