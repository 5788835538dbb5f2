import { validationError, type FieldIssue } from '../../src-shared/contracts/contract-kit.ts';
import type { AuthProfileKind } from '../../src-shared/domain/auth-profile.ts';
import type { CatalogEvent } from '../../src-shared/domain/vendor.ts';
import type { WebhookDraft } from '../../src-shared/domain/webhook.ts';
import { catalogEvents, findCatalogEvent, vendorCatalogs } from '../../src-shared/vendors/catalogs.ts';
import { cachedCondition } from '../conditions/condition-cache.ts';
import { formatConditionDiagnostic } from '../conditions/condition-diagnostics.ts';
import type { AuthProfileRepository } from '../storage/auth-profile-repository.ts';
import { unknownEventMessage } from './catalog-lookup.ts';
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

/** The auth profile `id` must exist and be of one of `kinds`; `wrongKind` says why another kind will not do. */
export function authProfileKindIssues(
  authProfiles: AuthProfileRepository,
  id: string,
  kinds: readonly AuthProfileKind[],
  wrongKind: (kind: AuthProfileKind) => string,
): FieldIssue[] {
  const profile = authProfiles.get(id);
  if (!profile) return [{ path: 'authProfileId', message: `no auth profile has id "${id}"` }];
  if (!kinds.includes(profile.kind)) return [{ path: 'authProfileId', message: wrongKind(profile.kind) }];
  return [];
}

/** The auth profile must exist and be of a kind the vendor uses; FlexNet's is the account's, not the webhook's. */
function vendorAuthIssues(draft: WebhookDraft, authProfiles: AuthProfileRepository): FieldIssue[] {
  if (!draft.authProfileId) return [];
  const { label, auth } = vendorCatalogs[draft.vendor];
  if (auth.sharedPerAccount) {
    return [{ path: 'authProfileId', message: `must be empty: ${label} webhooks use the account's shared credentials` }];
  }
  return authProfileKindIssues(authProfiles, draft.authProfileId, auth.kinds, (kind) => `${label} webhooks use ${auth.kinds.join(', ')} auth, not ${kind}`);
}

/**
 * FlexNet: a webhook is one subscription to one category, each category with its own URL; the
 * first event's entity is the webhook's, and each event of another entity is named.
 */
function oneEntityIssues(draft: WebhookDraft, events: readonly (CatalogEvent | undefined)[]): FieldIssue[] {
  const { label, oneEntityPerWebhook } = vendorCatalogs[draft.vendor];
  const first = events.find((event) => event !== undefined);
  if (!oneEntityPerWebhook || !first) return [];
  return events.flatMap((event, index): FieldIssue[] =>
    event && event.entity !== first.entity
      ? [{ path: `events[${index}]`, message: `must be an event of ${first.entity}: a ${label} webhook subscribes to one category, each with its own URL` }]
      : [],
  );
}

function includeDataIssues(draft: WebhookDraft): FieldIssue[] {
  const { label, includeDataChoice } = vendorCatalogs[draft.vendor];
  if (draft.includeData || includeDataChoice) return [];
  return [{ path: 'includeData', message: `must be true: ${label} always sends the entity's state (Include Data is not one of its settings)` }];
}

function vendorOptionIssues(draft: WebhookDraft): FieldIssue[] {
  const { label, options } = vendorCatalogs[draft.vendor];
  return Object.entries(draft.vendorOptions).flatMap(([key, value]): FieldIssue[] => {
    const option = options.find((candidate) => candidate.key === key);
    if (!option) return [{ path: `vendorOptions.${key}`, message: `is not a ${label} webhook option` }];
    const values = option.choices.map((choice) => choice.value);
    return values.includes(value) ? [] : [{ path: `vendorOptions.${key}`, message: `must be one of ${values.join(', ')}` }];
  });
}

/**
 * The rules a webhook must meet beyond its shape: events from the vendor's catalog, activities
 * of those events, a trigger condition only where allowed and without errors, an existing auth
 * profile, a name no other webhook has.
 */
export function checkWebhookRules(draft: WebhookDraft, ownId: string | null, webhooks: WebhookRepository, authProfiles: AuthProfileRepository): void {
  const issues: FieldIssue[] = [];
  const known = draft.events.map((name, index) => {
    const event = findCatalogEvent(draft.vendor, name);
    if (!event) issues.push({ path: `events[${index}]`, message: unknownEventMessage(draft.vendor, name) });
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
  issues.push(
    ...triggerConditionIssues(
      draft.condition,
      known.filter((event) => event !== undefined),
      allowing,
    ),
  );
  issues.push(...oneEntityIssues(draft, known));
  issues.push(...vendorAuthIssues(draft, authProfiles), ...vendorOptionIssues(draft), ...includeDataIssues(draft));
  const sameName = webhooks.findByName(draft.name);
  if (sameName && sameName.id !== ownId) {
    issues.push({ path: 'name', message: `is already used by another webhook` });
  }
  if (issues.length) throw validationError(issues);
}
