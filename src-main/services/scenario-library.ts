import { validationError } from '../../src-shared/contracts/contract-kit.ts';
import { scenarioInputSchema, type Scenario, type ScenarioDefinition } from '../../src-shared/domain/scenario.ts';
import { AppError } from '../../src-shared/errors.ts';
import { BUILT_IN_SCENARIOS } from '../../src-shared/scenarios/built-in-scenarios.ts';
import type { ScenarioRepository } from '../storage/scenario-repository.ts';

const BUILT_IN_PREFIX = 'builtin:';

function scenarioOf(id: string, definition: ScenarioDefinition, builtIn: boolean): Scenario {
  return { id, builtIn, vendors: [...new Set(definition.steps.map((step) => step.vendor))], ...definition };
}

const builtIns: readonly Scenario[] = Object.entries(BUILT_IN_SCENARIOS).map(([slug, input]) =>
  scenarioOf(`${BUILT_IN_PREFIX}${slug}`, scenarioInputSchema.parse(input), true),
);

/** Built-in scenarios (read-only, from code) and the user's (SQLite), under one set of names. */
export class ScenarioLibrary {
  private readonly stored: ScenarioRepository;
  private readonly now: () => number;

  constructor(stored: ScenarioRepository, now: () => number) {
    this.stored = stored;
    this.now = now;
  }

  list(): Scenario[] {
    return [...builtIns, ...this.stored.list().map(({ id, definition }) => scenarioOf(id, definition, false))];
  }

  get(id: string): Scenario {
    const builtIn = builtIns.find((scenario) => scenario.id === id);
    if (builtIn) return builtIn;
    const stored = this.stored.get(id);
    if (!stored) throw new AppError('not_found', `No scenario has id "${id}"`);
    return scenarioOf(stored.id, stored.definition, false);
  }

  /** By id or by name; an unknown name lists the known ones. */
  find(ref: { id?: string; name?: string }): Scenario {
    if (ref.id !== undefined) return this.get(ref.id);
    const all = this.list();
    const found = all.find((scenario) => scenario.name === ref.name);
    if (!found) {
      throw new AppError('not_found', `No scenario is named "${ref.name}"; known: ${all.map((scenario) => `"${scenario.name}"`).join(', ')}`, {
        known: all.map((scenario) => scenario.name),
      });
    }
    return found;
  }

  /** Creates, or replaces the user scenario `id`; built-in ones cannot be changed. */
  save(id: string | undefined, definition: ScenarioDefinition): Scenario {
    if (id !== undefined) this.requireEditable(id);
    const clash = this.list().find((scenario) => scenario.name === definition.name && scenario.id !== id);
    if (clash) throw validationError([{ path: 'name', message: `is already used by ${clash.builtIn ? 'a built-in' : 'another'} scenario` }]);
    const saved = this.stored.save(id ?? null, definition, this.now());
    return scenarioOf(saved.id, saved.definition, false);
  }

  delete(id: string): void {
    this.requireEditable(id);
    this.stored.delete(id);
  }

  private requireEditable(id: string): void {
    if (this.get(id).builtIn) throw new AppError('conflict', `Scenario "${id}" is built in and read-only; save a copy under another name instead.`);
  }
}
