import { describe, expect, it } from 'vitest';
import { replayInputSchema } from '../../../../../src-shared/domain/replay.ts';
import { placeReplayIssues, REPLAY_FIELD_LABELS, toReplayInput, type ReplayForm } from '../../../../../src-renderer/src/features/replay/replay-form.ts';

const source = { kind: 'capture', id: 'cap_1' } as const;
const form: ReplayForm = { mode: 'exact', targetKind: 'url', url: 'http://127.0.0.1:9/r/inbox', webhookId: 'wh_1', body: '{"a":1}' };

describe('replay form', () => {
  it('sends an exact replay to the URL, without the body (exact mode sends what was captured)', () => {
    const input = toReplayInput(source, form);
    expect(input).toEqual({ source, target: { kind: 'url', url: 'http://127.0.0.1:9/r/inbox' }, mode: 'exact' });
    expect(replayInputSchema.safeParse(input).success).toBe(true);
  });

  it('sends a resign replay as the webhook, with the edited body, even when the URL target was chosen', () => {
    const input = toReplayInput(source, { ...form, mode: 'resign', body: '{"a":2}' });
    expect(input).toEqual({ source, target: { kind: 'webhook', webhookId: 'wh_1' }, mode: 'resign', body: '{"a":2}' });
    expect(replayInputSchema.safeParse(input).success).toBe(true);
  });

  it('leaves a body that is not text out of a resign replay', () => {
    expect(toReplayInput(source, { ...form, mode: 'resign', body: null })).not.toHaveProperty('body');
  });

  it('puts target issues on the target control the mode shows, naming it', () => {
    const issues = [{ path: 'target.url', message: 'must be an absolute http:// or https:// URL' }];
    expect(placeReplayIssues(form, issues, REPLAY_FIELD_LABELS).fields).toEqual({ url: 'URL must be an absolute http:// or https:// URL' });
    const resign = { ...form, mode: 'resign' as const, webhookId: '' };
    expect(placeReplayIssues(resign, [{ path: 'target.webhookId', message: 'is required' }], REPLAY_FIELD_LABELS).fields).toEqual({
      webhookId: 'Webhook is required',
    });
  });

  it('keeps issues that belong to no field, with their path', () => {
    const placed = placeReplayIssues(form, [{ path: 'source.id', message: 'no capture with this id' }], REPLAY_FIELD_LABELS);
    expect(placed).toEqual({ fields: {}, general: ['source.id: no capture with this id'] });
  });
});
