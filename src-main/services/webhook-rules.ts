import { validationError, type FieldIssue } from '../../src-shared/contracts/contract-kit.ts';
import type { WebhookDraft } from '../../src-shared/domain/webhook.ts';
import { findCatalogEvent } from '../../src-shared/vendors/catalogs.ts';
import type { AuthProfileRepository } from '../storage/auth-profile-repository.ts';
import type { WebhookRepository } from '../storage/webhook-repository.ts';

/**
 * The rules a webhook must meet beyond its shape: events from the vendor's catalog, activities
 * of those events, an existing auth profile, a name no other webhook has.
 */
export function checkWebhookRules(
  draft: WebhookDraft,
  ownId: string | null,
  webhooks: WebhookRepository,
  authProfiles: AuthProfileRepository,
): void {
  const issues: FieldIssue[] = [];
  const known = draft.events.map((name, index) => {
    const event = findCatalogEvent(draft.vendor, name);
    if (!event) issues.push({ path: `events[${index}]`, message: `"${name}" is not a ${draft.vendor} event` });
    return event;
  });
  const allowedActivities = new Set(known.flatMap((event) => event?.activities ?? []));
  draft.activities.forEach((activity, index) => {
    if (known.every(Boolean) && !allowedActivities.has(activity)) {
      issues.push({
        path: `activities[${index}]`,
        message: `"${activity}" is not an activity of ${draft.events.map((name) => `"${name}"`).join(', ')}`,
      });
    }
  });
  if (draft.authProfileId && !authProfiles.get(draft.authProfileId)) {
    issues.push({ path: 'authProfileId', message: `no auth profile has id "${draft.authProfileId}"` });
  }
  const sameName = webhooks.findByName(draft.name);
  if (sameName && sameName.id !== ownId) {
    issues.push({ path: 'name', message: `is already used by another webhook` });
  }
  if (issues.length) throw validationError(issues);
}
