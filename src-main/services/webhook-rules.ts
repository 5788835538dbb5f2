import { validationError, type FieldIssue } from '../../src-shared/contracts/contract-kit.ts';
import type { CatalogEvent } from '../../src-shared/domain/vendor.ts';
import type { WebhookDraft } from '../../src-shared/domain/webhook.ts';
import { catalogEvents, findCatalogEvent } from '../../src-shared/vendors/catalogs.ts';
import { cachedCondition } from '../conditions/condition-cache.ts';
import { formatConditionDiagnostic } from '../conditions/condition-diagnostics.ts';
import type { AuthProfileRepository } from '../storage/auth-profile-repository.ts';
import type { WebhookRepository } from '../storage/webhook-repository.ts';

const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');

/**
 * A trigger condition is allowed only when every subscribed event allows one (seed 002: only
 * Entitlement Added/Updated and Activation Added/Updated), and must be a valid expression.
 * `allowing` are the vendor's events that do, named in the message so the rule is plain.
 */
export function triggerConditionIssues(condition: string, events: readonly CatalogEvent[], allowing: readonly CatalogEvent[]): FieldIssue[] {
  if (condition.trim() === '') return [];
  const refusing = events.filter((event) => !event.conditionsAllowed).map((event) => event.name);
  if (refusing.length > 0) {
    const only = allowing.map((event) => event.name);
    return [
      {
        path: 'condition',
        message: `${quoted(refusing)} cannot have a trigger condition: conditions are allowed only on ${only.length ? quoted(only) : 'no event of this vendor'}`,
      },
    ];
  }
  const compiled = cachedCondition(condition);
  if (compiled.kind === 'invalid') return [{ path: 'condition', message: formatConditionDiagnostic(compiled.diagnostics[0]!) }];
  return [];
}

/**
 * The rules a webhook must meet beyond its shape: events from the vendor's catalog, activities
 * of those events, a trigger condition only where allowed and without errors, an existing auth
 * profile, a name no other webhook has.
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
        message: `"${activity}" is not an activity of ${quoted(draft.events)}`,
      });
    }
  });
  const allowing = catalogEvents(draft.vendor).filter((event) => event.conditionsAllowed);
  issues.push(...triggerConditionIssues(draft.condition, known.filter((event) => event !== undefined), allowing));
  if (draft.authProfileId && !authProfiles.get(draft.authProfileId)) {
    issues.push({ path: 'authProfileId', message: `no auth profile has id "${draft.authProfileId}"` });
  }
  const sameName = webhooks.findByName(draft.name);
  if (sameName && sameName.id !== ownId) {
    issues.push({ path: 'name', message: `is already used by another webhook` });
  }
  if (issues.length) throw validationError(issues);
}
