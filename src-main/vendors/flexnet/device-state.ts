import type { EntityState } from '../vendor-profile.ts';
import { daysAgo, seededFaker, type GenerationContext } from '../seeded-faker.ts';

const DEVICE_KINDS = ['lic_server', 'build_host', 'lab_server', 'render_node'];

/**
 * A DEVICE event body, key for key as seed 001's device sample: the device is named by its id,
 * `id` and the optional texts are null, `identity` is empty, last updated some days ago.
 */
export function generateDevice({ seed, entityId, now }: GenerationContext): EntityState {
  const faker = seededFaker(seed, 'flexnetDevice');
  const deviceId = entityId ?? `${faker.helpers.arrayElement(DEVICE_KINDS)}_${faker.string.numeric(3)}`;
  return {
    deviceName: deviceId,
    deviceId,
    version: '1.0',
    id: null,
    siteName: `${faker.location.city().toLowerCase().replace(/\W+/g, '_')}_site`,
    owner: String(faker.number.int({ min: 1, max: 99 })),
    identity: '',
    deploymentType: 'LOCAL',
    hostType: 'FLX_SERVER',
    status: 'Success',
    active: 'SUCCESS',
    notes: null,
    errorMessage: null,
    idtype: 'ETHERNET',
    lastUpdated: String(daysAgo(now, faker.number.int({ min: 1, max: 90 }))),
  };
}
