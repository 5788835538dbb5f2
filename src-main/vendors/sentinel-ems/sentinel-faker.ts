import type { Faker } from '@faker-js/faker';
import { daysAgo } from '../seeded-faker.ts';

/** Sentinel writes creation dates to the minute: "2025-07-23 10:01". */
export function sentinelMinute(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ');
}

export function sentinelDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/**
 * The head every seed sample state starts with (seed 002, "Add Namespace": id, createdBy,
 * creationDate, lastModifiedBy, lastModifiedDate), never modified yet.
 */
export function auditHead(faker: Faker, id: string | undefined, now: number): Record<string, unknown> {
  return {
    id: id ?? faker.string.uuid(),
    createdBy: 'admin',
    creationDate: sentinelMinute(daysAgo(now, faker.number.int({ min: 1, max: 90 }))),
    lastModifiedBy: '',
    lastModifiedDate: '',
  };
}
