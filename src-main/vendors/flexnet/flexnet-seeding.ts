import { DAY_MS } from '../../../src-shared/domain/time-units.ts';
import { seededFaker } from '../seeded-faker.ts';

/**
 * The seed an entity is generated from. Given an entity id, the entity depends on that id alone,
 * so "ENT CREATE" and a later "ENT UPDATE" fired for entitlement 3395 carry the same line items,
 * activation ids and products whatever seed each was fired with.
 */
export function entitySeed(seed: number, entityId: string | undefined): number {
  return entityId === undefined ? seed : seededFaker(0, `flexnet:${entityId}`).number.int({ max: 2 ** 31 - 1 });
}

/** Seed 001 dates are UTC midnights ("startDate": "1680048000000" is 2023-03-29T00:00Z). */
export function startOfUtcDay(epochMs: number): number {
  return epochMs - (epochMs % DAY_MS);
}
