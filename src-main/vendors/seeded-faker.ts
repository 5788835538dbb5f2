import { Faker, base, en } from '@faker-js/faker';
import { DAY_MS } from '../../src-shared/domain/time-units.ts';

/** What every entity generator is given: the same inputs give the same entity. */
export interface GenerationContext {
  seed: number;
  /** Replaces the generated id of the entity being fired (not of the entities it references). */
  entityId?: string;
  now: number;
}

// One instance, re-seeded for each entity: building a Faker costs more than the entity itself.
const faker = new Faker({ locale: [en, base] });

function saltOf(kind: string): number {
  let hash = 0;
  for (const char of kind) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return hash;
}

/**
 * The faker for one kind of entity under one seed. The salt keeps a customer and a product of the
 * same seed apart, while the same seed always yields the same customer, so an entitlement, its
 * activation and "Customer Added" fired with one seed name the same customer. Generators that
 * reference other entities must build those first: re-seeding resets the shared instance.
 */
export function seededFaker(seed: number, kind: string): Faker {
  faker.seed([seed, saltOf(kind)]);
  return faker;
}

export function daysAgo(now: number, days: number): number {
  return now - days * DAY_MS;
}

export function daysAfter(epochMs: number, days: number): number {
  return epochMs + days * DAY_MS;
}
