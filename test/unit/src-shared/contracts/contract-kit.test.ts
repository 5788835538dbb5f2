import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatIssuePath, parseInput, validationError } from '../../../../src-shared/contracts/contract-kit.ts';

describe('contract-kit error messages', () => {
  it('paths read like the field a person filled in', () => {
    expect(formatIssuePath(['webhooks', 2, 'endpointUrl'])).toBe('webhooks[2].endpointUrl');
    expect(formatIssuePath(['events', 0])).toBe('events[0]');
    expect(formatIssuePath([])).toBe('');
  });

  it('a validation error lists every issue as "path: rule" and keeps them as data', () => {
    const error = validationError([
      { path: 'name', message: 'is required' },
      { path: '', message: 'something overall' },
    ]);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('name: is required; something overall');
    expect(error.toPayload()).toEqual({
      code: 'invalid_input',
      message: 'name: is required; something overall',
      details: {
        issues: [
          { path: 'name', message: 'is required' },
          { path: '', message: 'something overall' },
        ],
      },
    });
  });

  it("zod's generic wording is replaced by plain rules", () => {
    const schema = z.object({ name: z.string(), tags: z.array(z.string()), kind: z.enum(['a', 'b']) });
    expect(() => parseInput(schema, { tags: 'x', kind: 'c' })).toThrow('name: is required; tags: must be a list; kind: must be one of: a, b');
    expect(() => parseInput(z.object({ name: z.string() }).strict(), { name: 'x', extra: 1 })).toThrow('unknown field(s): extra');
  });
});
