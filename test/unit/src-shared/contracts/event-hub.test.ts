import { describe, expect, it } from 'vitest';
import { EventHub } from '../../../../src-shared/contracts/event-hub.ts';

describe('EventHub', () => {
  it('delivers to every listener of the event, in subscription order, and only of that event', () => {
    const hub = new EventHub<{ a: number; b: string }>();
    const got: string[] = [];
    hub.subscribe('a', (n) => got.push(`first ${n}`));
    hub.subscribe('a', (n) => got.push(`second ${n}`));
    hub.subscribe('b', (s) => got.push(`b ${s}`));
    hub.emit('a', 1);
    expect(got).toEqual(['first 1', 'second 1']);
  });

  it('one throwing listener (a closed window) does not starve the others', () => {
    const hub = new EventHub<{ a: number }>();
    const got: number[] = [];
    hub.subscribe('a', () => {
      throw new Error('window closed');
    });
    hub.subscribe('a', (n) => got.push(n));
    expect(() => hub.emit('a', 5)).not.toThrow();
    expect(got).toEqual([5]);
  });

  it('unsubscribe stops delivery and is safe to call twice', () => {
    const hub = new EventHub<{ a: number }>();
    const got: number[] = [];
    const unsubscribe = hub.subscribe('a', (n) => got.push(n));
    unsubscribe();
    unsubscribe();
    hub.emit('a', 1);
    expect(got).toEqual([]);
    expect(hub.listenerCount('a')).toBe(0);
  });
});
