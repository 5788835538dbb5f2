/**
 * Tries in flight per endpoint origin, under a bound per origin. Slow or hanging endpoints then
 * hold at most `perOrigin` of the engine's slots, and the rest stay free for other endpoints.
 */
export class OriginSlots {
  readonly perOrigin: number;
  private readonly inFlight = new Map<string, number>();

  constructor(perOrigin: number) {
    if (!Number.isInteger(perOrigin) || perOrigin < 1) throw new RangeError(`perOrigin must be a whole number of at least 1, not ${perOrigin}`);
    this.perOrigin = perOrigin;
  }

  take(origin: string): void {
    this.inFlight.set(origin, this.inFlightAt(origin) + 1);
  }

  release(origin: string): void {
    const left = this.inFlightAt(origin) - 1;
    if (left < 0) throw new RangeError(`No try is in flight at ${origin}`);
    // Emptied origins are forgotten, so the map stays as small as the set of busy endpoints.
    if (left === 0) this.inFlight.delete(origin);
    else this.inFlight.set(origin, left);
  }

  inFlightAt(origin: string): number {
    return this.inFlight.get(origin) ?? 0;
  }

  /** How many more tries the origin may start now. */
  roomAt(origin: string): number {
    return Math.max(0, this.perOrigin - this.inFlightAt(origin));
  }

  /** Origins with no room left. */
  full(): string[] {
    return [...this.inFlight].filter(([, count]) => count >= this.perOrigin).map(([origin]) => origin);
  }
}
