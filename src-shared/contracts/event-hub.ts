import type { Unsubscribe } from './contract-kit.ts';

/** A small typed publish/subscribe used by the engine and every transport. */
export class EventHub<P extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof P, Set<(payload: never) => void>>();

  subscribe<K extends keyof P>(name: K, listener: (payload: P[K]) => void): Unsubscribe {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener as (payload: never) => void);
    return () => {
      set.delete(listener as (payload: never) => void);
    };
  }

  emit<K extends keyof P>(name: K, payload: P[K]): void {
    for (const listener of this.listeners.get(name) ?? []) {
      try {
        (listener as (payload: P[K]) => void)(payload);
      } catch {
        // One failing listener (a closed window, a dropped stream) must not starve the others.
      }
    }
  }

  listenerCount(name: keyof P): number {
    return this.listeners.get(name)?.size ?? 0;
  }
}
