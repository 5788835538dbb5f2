/**
 * A fixed-window request counter per client: the first `limit` requests of each window pass, the
 * rest are refused until the next window. Fixed windows are coarse, but a client that keeps to the
 * rate never meets a refusal, and a refused one knows when to come back (the window's length).
 */
export class RequestRateLimit {
  private window = -1;
  private readonly counts = new Map<string, number>();

  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(limit: number, windowMs: number, now: () => number) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.now = now;
  }

  /** Counts one request of `client`; false when it is over the limit of the current window. */
  take(client: string): boolean {
    const window = Math.floor(this.now() / this.windowMs);
    // A new window forgets every count, so clients that came once never pile up.
    if (window !== this.window) {
      this.window = window;
      this.counts.clear();
    }
    const count = (this.counts.get(client) ?? 0) + 1;
    this.counts.set(client, count);
    return count <= this.limit;
  }
}
