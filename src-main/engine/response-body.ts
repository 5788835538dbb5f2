import { RESPONSE_BODY_KEPT_MAX } from '../../src-shared/domain/delivery.ts';

/**
 * A response body as it streams in: the first RESPONSE_BODY_KEPT_MAX bytes are kept, the rest is
 * counted, so that an endpoint answering a gigabyte costs no more memory than one answering 64 KiB.
 */
export class KeptResponseBody {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  /** Every byte seen, kept or not. */
  bytes = 0;

  add(chunk: Buffer): void {
    this.bytes += chunk.length;
    const room = RESPONSE_BODY_KEPT_MAX - this.kept;
    if (room <= 0) return;
    const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
    this.chunks.push(part);
    this.kept += part.length;
  }

  get truncated(): boolean {
    return this.bytes > this.kept;
  }

  /** The kept bytes as text; a character cut at the limit becomes U+FFFD. */
  text(): string {
    return Buffer.concat(this.chunks, this.kept).toString('utf8');
  }
}
