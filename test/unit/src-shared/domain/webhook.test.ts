import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../../src-shared/contracts/contract-kit.ts';
import { CONDITION_MAX } from '../../../../src-shared/domain/condition.ts';
import { webhookInputSchema, type WebhookInput } from '../../../../src-shared/domain/webhook.ts';
import { AppError } from '../../../../src-shared/errors.ts';
import { readSentinelSeed } from '../../../fixtures/seed-documents.ts';

const valid: WebhookInput = {
  name: 'ENTADD',
  events: ['Entitlement Added'],
  endpointUrl: 'https://hooks.example.com/sentinel',
};

/** The validation error for `input`, or a failure if it was accepted. */
function rejection(input: unknown): AppError {
  try {
    parseInput(webhookInputSchema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error(`accepted: ${JSON.stringify(input)}`);
}

const issuesOf = (error: AppError) => (error.details as { issues: { path: string; message: string }[] }).issues;

describe('webhook input (seed 002, "Webhook Attributes")', () => {
  it('defaults: Include Data Yes, Enable Webhook Yes, all activities, empty description, no trigger condition, Sentinel EMS', () => {
    expect(readSentinelSeed()).toMatch(/Include Data[\s\S]*?Default: Yes[\s\S]*?Enable Webhook[\s\S]*?Default: Yes/);
    expect(parseInput(webhookInputSchema, valid)).toEqual({
      vendor: 'sentinel-ems',
      name: 'ENTADD',
      events: ['Entitlement Added'],
      endpointUrl: 'https://hooks.example.com/sentinel',
      authProfileId: null,
      activities: [],
      includeData: true,
      enabled: true,
      description: '',
      condition: '',
      retryPolicy: null,
      vendorOptions: {},
      timeoutMs: 30_000,
    });
  });

  it('timeoutMs: the deadline of each try, from 1 s to 2 min, in whole milliseconds', () => {
    expect(parseInput(webhookInputSchema, { ...valid, timeoutMs: 1_000 }).timeoutMs).toBe(1_000);
    expect(parseInput(webhookInputSchema, { ...valid, timeoutMs: 120_000 }).timeoutMs).toBe(120_000);
    for (const [timeoutMs, rule] of [
      [999, 'timeoutMs: must be at least 1 s'],
      [120_001, 'timeoutMs: must be at most 2 min'],
      [1500.5, 'timeoutMs: must be a whole number of milliseconds'],
    ] as const) {
      expect(() => parseInput(webhookInputSchema, { ...valid, timeoutMs })).toThrow(rule);
    }
  });

  it('explicit No for Include Data and Enable Webhook is kept', () => {
    expect(parseInput(webhookInputSchema, { ...valid, includeData: false, enabled: false })).toMatchObject({
      includeData: false,
      enabled: false,
    });
  });

  describe('name: required, at most 100 characters, any characters', () => {
    it('accepts 100 characters, with special characters', () => {
      const name = `Név (prod) #1 – ${'x'.repeat(84)}`;
      expect(name).toHaveLength(100);
      expect(parseInput(webhookInputSchema, { ...valid, name }).name).toBe(name);
    });

    it('rejects 101 characters, naming the field and the limit', () => {
      const error = rejection({ ...valid, name: 'n'.repeat(101) });
      expect(error.code).toBe('invalid_input');
      expect(error.message).toBe('name: must be at most 100 characters');
      expect(issuesOf(error)).toEqual([{ path: 'name', message: 'must be at most 100 characters' }]);
    });

    it('rejects a missing or blank name as required', () => {
      expect(rejection({ ...valid, name: '   ' }).message).toBe('name: is required');
      const { name: _name, ...withoutName } = valid;
      expect(rejection(withoutName).message).toBe('name: is required');
    });

    it('surrounding spaces are not part of the name', () => {
      expect(parseInput(webhookInputSchema, { ...valid, name: '  ENTADD  ' }).name).toBe('ENTADD');
    });
  });

  describe('endpoint URL: required, at most 2000 characters of the allowed set, http(s)', () => {
    it('accepts every special character the seed allows', () => {
      const url = 'https://user:pw@hooks.example.com:8443/a-b_c.d~e/f(g)*h+i,j;k=l!m$n?o=p&q=r#s@t';
      expect(parseInput(webhookInputSchema, { ...valid, endpointUrl: url }).endpointUrl).toBe(url);
      expect(parseInput(webhookInputSchema, { ...valid, endpointUrl: 'http://127.0.0.1:8080/r/demo' }).endpointUrl).toBe('http://127.0.0.1:8080/r/demo');
    });

    it('accepts exactly 2000 characters and rejects 2001, naming the field and the limit', () => {
      const base = 'https://hooks.example.com/';
      const at2000 = base + 'a'.repeat(2000 - base.length);
      expect(parseInput(webhookInputSchema, { ...valid, endpointUrl: at2000 }).endpointUrl).toHaveLength(2000);
      const error = rejection({ ...valid, endpointUrl: `${at2000}a` });
      expect(error.message).toBe('endpointUrl: must be at most 2000 characters');
    });

    it.each([' ', '<', '>', '"', "'", '{', '}', '|', '\\', '^', '`', '%20', '[x]', 'é'])('rejects %j, listing the allowed characters', (bad) => {
      const error = rejection({ ...valid, endpointUrl: `https://hooks.example.com/a${bad}b` });
      expect(error.message).toContain('endpointUrl: may contain only letters, digits and - _ . ~ : / ? # @ ! $ & ( ) * + , ; =');
    });

    it.each(['ftp://hooks.example.com/x', 'hooks.example.com/x', 'http://', 'mailto:a@b.example', 'file:///etc/passwd'])(
      'rejects %s as not an absolute http(s) URL',
      (url) => {
        expect(rejection({ ...valid, endpointUrl: url }).message).toContain('endpointUrl: must be an absolute http:// or https:// URL');
      },
    );

    it('rejects a missing URL as required', () => {
      const { endpointUrl: _url, ...withoutUrl } = valid;
      expect(rejection(withoutUrl).message).toBe('endpointUrl: is required');
      expect(rejection({ ...valid, endpointUrl: '' }).message).toContain('endpointUrl: is required');
    });
  });

  describe('description: optional, at most 500 characters', () => {
    it('accepts 500 and rejects 501, naming the field and the limit', () => {
      expect(parseInput(webhookInputSchema, { ...valid, description: 'd'.repeat(500) }).description).toHaveLength(500);
      expect(rejection({ ...valid, description: 'd'.repeat(501) }).message).toBe('description: must be at most 500 characters');
    });
  });

  describe('trigger condition: optional, at most CONDITION_MAX characters (its syntax is checked by the engine)', () => {
    it(`accepts ${CONDITION_MAX} and rejects ${CONDITION_MAX + 1}, naming the field and the limit`, () => {
      expect(parseInput(webhookInputSchema, { ...valid, condition: 'c'.repeat(CONDITION_MAX) }).condition).toHaveLength(CONDITION_MAX);
      expect(rejection({ ...valid, condition: 'c'.repeat(CONDITION_MAX + 1) }).message).toBe(`condition: must be at most ${CONDITION_MAX} characters`);
    });
  });

  describe('retry policy: null for the vendor default, or a custom one', () => {
    it('keeps a list of intervals or an exponential backoff as given', () => {
      const fixed = { kind: 'fixed', intervalsMs: [1000, 60_000] } as const;
      const exponential = { kind: 'exponential', baseMs: 1000, factor: 2, maxMs: 60_000, jitter: 0.2, retries: 5 } as const;
      expect(parseInput(webhookInputSchema, { ...valid, retryPolicy: fixed }).retryPolicy).toEqual(fixed);
      expect(parseInput(webhookInputSchema, { ...valid, retryPolicy: exponential }).retryPolicy).toEqual(exponential);
    });

    it.each([
      [{ kind: 'fixed', intervalsMs: [500] }, 'retryPolicy.intervalsMs[0]: each interval must be at least 1 s'],
      [{ kind: 'fixed', intervalsMs: [] }, 'retryPolicy.intervalsMs: give at least one interval'],
      [{ kind: 'fixed', intervalsMs: Array(21).fill(1000) }, 'retryPolicy.intervalsMs: must have at most 20 intervals'],
      [{ kind: 'exponential', baseMs: 60_000, factor: 2, maxMs: 1000, jitter: 0, retries: 3 }, 'retryPolicy.maxMs: must not be below the first delay'],
      [{ kind: 'exponential', baseMs: 1000, factor: 2, maxMs: 9000, jitter: 1.5, retries: 3 }, 'retryPolicy.jitter: must be from 0 to 1'],
    ])('rejects %j, naming the field and the rule', (retryPolicy, message) => {
      expect(rejection({ ...valid, retryPolicy }).message).toBe(message);
    });
  });

  it('event: at least one is required', () => {
    expect(rejection({ ...valid, events: [] }).message).toBe('events: choose at least one event');
    expect(rejection({ ...valid, events: ['Entitlement Added', ''] }).message).toBe('events[1]: must not be empty');
  });

  it('wrong types are named in plain words, one issue per field', () => {
    const error = rejection({ ...valid, name: 7, events: 'Entitlement Added', includeData: 'yes', vendor: 'flexnet-operations' });
    expect(issuesOf(error)).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'must be a string' },
        { path: 'events', message: 'must be a list' },
        { path: 'includeData', message: 'must be a boolean' },
        { path: 'vendor', message: 'must be one of: sentinel-ems, flexnet, zentitle2, cloudevents' },
      ]),
    );
    expect(error.message.split('; ')).toHaveLength(issuesOf(error).length);
  });
});
