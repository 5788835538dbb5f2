/** The try's deadline came before what it waited for (an OAuth token): recorded as a timeout. */
export class TryDeadlineExceeded extends Error {}

/**
 * One deadline for everything a try does: fetching an OAuth token, sending the request, and after
 * a 401 fetching a new token and sending once more. Each step gets what is left of it.
 */
export class TryDeadline {
  readonly timeoutMs: number;
  private readonly endsAt: number;

  constructor(timeoutMs: number) {
    this.timeoutMs = timeoutMs;
    this.endsAt = performance.now() + timeoutMs;
  }

  leftMs(): number {
    return Math.max(0, this.endsAt - performance.now());
  }

  /**
   * What `work` gives, unless the deadline comes first. A token fetch is shared by every try that
   * needs the token: it goes on for the others (under its own deadline), this try stops waiting.
   */
  async race<T>(work: Promise<T>, waitingFor: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new TryDeadlineExceeded(`no ${waitingFor} within ${this.timeoutMs / 1000} s (the try's deadline)`)), this.leftMs());
    });
    try {
      return await Promise.race([work, expired]);
    } finally {
      clearTimeout(timer);
    }
  }
}
