/**
 * Work keyed by what it produces: a caller asking for a key whose work is under way gets that
 * work's promise rather than starting it again. The key is free again once the work settles.
 */
export class SingleFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(key: string, start: () => Promise<T>): Promise<T> {
    let running = this.running.get(key);
    if (!running) {
      running = start().finally(() => this.running.delete(key));
      this.running.set(key, running);
    }
    return running;
  }
}
