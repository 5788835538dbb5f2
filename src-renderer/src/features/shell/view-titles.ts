import type { View } from '../../stores/navigation-store.ts';

/** What each page is called in the navigation and what its header says it is for. */
export const VIEW_TITLES: Record<View, { label: string; summary: string }> = {
  webhooks: { label: 'Webhooks', summary: 'Where events are sent, and which ones' },
  vendors: { label: 'Vendors', summary: 'Profiles, accounts and management APIs' },
  fire: { label: 'Fire event', summary: 'Raise a synthetic event and watch who receives it' },
  deliveries: { label: 'Deliveries', summary: 'Every event sent to every webhook, with each try' },
  receiver: { label: 'Receiver', summary: 'Requests captured by the built-in endpoint' },
  scenarios: { label: 'Scenarios', summary: 'Licensing stories to demo and replay, step by step' },
  check: { label: 'Check endpoint', summary: 'Does your receiver verify, reject and de-duplicate?' },
  conditions: { label: 'Conditions', summary: 'Try trigger conditions on sample payloads, live' },
};
