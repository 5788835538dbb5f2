import { scenarioInputSchema, type ScenarioDefinition } from '../../src-shared/domain/scenario.ts';
import type { Db } from './database.ts';
import { newRowId } from './row-id.ts';
import { prepared } from './statement-cache.ts';

export interface StoredScenario {
  id: string;
  definition: ScenarioDefinition;
}

interface ScenarioRow {
  id: string;
  definition: string;
}

// Parsed, not cast: defaults for fields added after the scenario was stored.
const fromRow = (row: ScenarioRow): StoredScenario => ({ id: row.id, definition: scenarioInputSchema.parse(JSON.parse(row.definition)) });

/** The user's scenarios; built-in ones are not stored. */
export class ScenarioRepository {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  list(): StoredScenario[] {
    return (prepared(this.db, 'SELECT id, definition FROM scenarios ORDER BY name').all() as ScenarioRow[]).map(fromRow);
  }

  get(id: string): StoredScenario | null {
    const row = prepared(this.db, 'SELECT id, definition FROM scenarios WHERE id = ?').get(id) as ScenarioRow | undefined;
    return row ? fromRow(row) : null;
  }

  /** Inserts when `id` is null, else replaces that scenario. */
  save(id: string | null, definition: ScenarioDefinition, now: number): StoredScenario {
    const rowId = id ?? newRowId();
    prepared(
      this.db,
      `INSERT INTO scenarios (id, name, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, definition = excluded.definition, updated_at = excluded.updated_at`,
    ).run(rowId, definition.name, JSON.stringify(definition), now, now);
    return { id: rowId, definition };
  }

  delete(id: string): boolean {
    return prepared(this.db, 'DELETE FROM scenarios WHERE id = ?').run(id).changes > 0;
  }
}
