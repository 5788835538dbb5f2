import { atomically } from './atomically.ts';
import { newRowId } from './row-id.ts';
import { prepared } from './statement-cache.ts';
import type { BinReplyMode } from '../../src-shared/domain/bin-script.ts';
import type { AuthCheck, CaptureBody, CaptureDetail, CaptureQuery, CaptureSummary } from '../../src-shared/domain/capture.ts';
import type { CaptureSource } from '../../src-shared/domain/capture-source.ts';
import type { HttpHeaders } from '../../src-shared/domain/http-message.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import type { Db } from './database.ts';
import { fromJsonColumn, toJsonColumn } from './json-column.ts';
import { openHeaders, sealHeaders } from './sealed-headers.ts';
import type { SignatureCheck } from '../../src-shared/domain/webhook-signing.ts';

interface CaptureRow {
  id: string;
  bin: string;
  method: string;
  path: string;
  query: string;
  headers: string;
  headers_sealed: Buffer | null;
  body: Buffer;
  content_type: string | null;
  remote_address: string;
  reply_status: number;
  reply_mode: BinReplyMode;
  signature_check: string | null;
  n_signature_check: string | null;
  auth_check: string | null;
  received_at: number;
  source: string | null;
}

const SUMMARY_COLUMNS =
  'id, bin, method, path, query, content_type, remote_address, reply_status, reply_mode, signature_check, n_signature_check, auth_check, received_at, source, length(body) AS body_size';

type SummaryRow = Omit<CaptureRow, 'headers' | 'headers_sealed' | 'body'> & { body_size: number };

function toSummary(row: SummaryRow): CaptureSummary {
  return {
    id: row.id,
    bin: row.bin,
    method: row.method,
    path: row.path,
    query: row.query,
    contentType: row.content_type,
    bodySize: row.body_size,
    receivedAt: row.received_at,
    remoteAddress: row.remote_address,
    replyStatus: row.reply_status,
    replyMode: row.reply_mode,
    signature: fromJsonColumn<SignatureCheck>(row.signature_check),
    nSignature: fromJsonColumn<SignatureCheck>(row.n_signature_check),
    auth: fromJsonColumn<AuthCheck>(row.auth_check),
    source: fromJsonColumn<CaptureSource>(row.source),
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function toBody(bytes: Buffer): CaptureBody {
  try {
    return { encoding: 'utf8', text: utf8.decode(bytes) };
  } catch {
    return { encoding: 'base64', base64: bytes.toString('base64') };
  }
}

export interface NewCapture {
  bin: string;
  method: string;
  path: string;
  query: string;
  headers: HttpHeaders;
  body: Buffer;
  remoteAddress: string;
  replyStatus: number;
  replyMode: BinReplyMode;
  signature: SignatureCheck | null;
  nSignature: SignatureCheck | null;
  auth: AuthCheck | null;
  receivedAt: number;
  /** Absent for what the receiver captured itself. */
  source?: CaptureSource;
}

/** What a capture weighs against the retention limit: body plus headers (as stored). */
export function capturedBytes(headersJson: string, bodyBytes: number): number {
  return bodyBytes + Buffer.byteLength(headersJson);
}

export interface BinRow {
  name: string;
  createdAt: number;
  captureCount: number;
}

/** Bins are made on first use (a request, or a script set before any request). */
export function ensureBin(db: Db, name: string, now: number): void {
  prepared(db, 'INSERT OR IGNORE INTO bins (name, created_at) VALUES (?, ?)').run(name, now);
}

/** Receiver bins and the requests captured in them. */
export class CaptureRepository {
  private readonly db: Db;
  /** Seals the credential headers of captures (see sealed-headers.ts). */
  private readonly box: SecretBox;

  constructor(db: Db, box: SecretBox) {
    this.db = db;
    this.box = box;
  }

  /** Bins are made on first use, so any URL under /r/<bin>/ captures at once. */
  insert(capture: NewCapture): CaptureSummary {
    return atomically(this.db, () => this.write(capture));
  }

  /** All or none: an import never leaves part of its captures behind. */
  insertMany(captures: readonly NewCapture[]): CaptureSummary[] {
    return atomically(this.db, () => captures.map((capture) => this.write(capture)));
  }

  private write(capture: NewCapture): CaptureSummary {
    const id = newRowId();
    const contentType = capture.headers['content-type'] ?? null;
    const source = capture.source ?? null;
    const headers = sealHeaders(capture.headers, this.box);
    const headersJson = JSON.stringify(headers.headers);
    // Weighed as received (what the receiver checked before reading the body), sealed or not.
    const size = capturedBytes(headers.sealed ? JSON.stringify(capture.headers) : headersJson, capture.body.length);
    ensureBin(this.db, capture.bin, capture.receivedAt);
    prepared(
      this.db,
      `INSERT INTO captures (id, bin, method, path, query, headers, headers_sealed, body, content_type, remote_address, reply_status, reply_mode, signature_check, n_signature_check, auth_check, received_at, source, stored_bytes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      capture.bin,
      capture.method,
      capture.path,
      capture.query,
      headersJson,
      headers.sealed,
      capture.body,
      contentType,
      capture.remoteAddress,
      capture.replyStatus,
      capture.replyMode,
      toJsonColumn(capture.signature),
      toJsonColumn(capture.nSignature),
      toJsonColumn(capture.auth),
      capture.receivedAt,
      toJsonColumn(source),
      size,
    );
    return {
      id,
      bin: capture.bin,
      method: capture.method,
      path: capture.path,
      query: capture.query,
      contentType,
      bodySize: capture.body.length,
      receivedAt: capture.receivedAt,
      remoteAddress: capture.remoteAddress,
      replyStatus: capture.replyStatus,
      replyMode: capture.replyMode,
      signature: capture.signature,
      nSignature: capture.nSignature,
      auth: capture.auth,
      source,
    };
  }

  /** Which of `ids` are still stored. */
  stored(ids: readonly string[]): Set<string> {
    const rows = prepared(this.db, 'SELECT id FROM captures WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { id: string }[];
    return new Set(rows.map((row) => row.id));
  }

  /** The deleted capture's bin; null when there was no such capture. */
  delete(id: string): string | null {
    const row = prepared(this.db, 'DELETE FROM captures WHERE id = ? RETURNING bin').get(id) as { bin: string } | undefined;
    return row?.bin ?? null;
  }

  /** Deletes every capture of a bin (the bin and its script stay); returns how many, or null when there is no such bin. */
  clearBin(bin: string): number | null {
    return atomically(this.db, () => {
      if (!prepared(this.db, 'SELECT 1 FROM bins WHERE name = ?').get(bin)) return null;
      return prepared(this.db, 'DELETE FROM captures WHERE bin = ?').run(bin).changes;
    });
  }

  listBins(): BinRow[] {
    const rows = prepared(
      this.db,
      `SELECT b.name, b.created_at, (SELECT count(*) FROM captures c WHERE c.bin = b.name) AS capture_count
         FROM bins b ORDER BY b.created_at, b.name`,
    ).all() as { name: string; created_at: number; capture_count: number }[];
    return rows.map((row) => ({ name: row.name, createdAt: row.created_at, captureCount: row.capture_count }));
  }

  list(filter: CaptureQuery): CaptureSummary[] {
    const where: string[] = [];
    if (filter.bin) where.push('bin = @bin');
    if (filter.search) {
      // The plain header column only: credential headers sit sealed in headers_sealed and must
      // not be findable by their text. lower() folds ASCII, which covers header names and most
      // JSON; the body BLOB is read as UTF-8 text.
      where.push(`(instr(lower(path || '?' || query), @search) > 0 OR instr(lower(headers), @search) > 0 OR instr(lower(CAST(body AS TEXT)), @search) > 0)`);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows = prepared(this.db, `SELECT ${SUMMARY_COLUMNS} FROM captures ${clause} ORDER BY received_at DESC, rowid DESC LIMIT @limit`).all({
      limit: filter.limit,
      ...(filter.bin ? { bin: filter.bin } : {}),
      ...(filter.search ? { search: filter.search.toLowerCase() } : {}),
    }) as SummaryRow[];
    return rows.map(toSummary);
  }

  get(id: string): CaptureDetail | null {
    const row = prepared(this.db, `SELECT *, length(body) AS body_size FROM captures WHERE id = ?`).get(id) as (CaptureRow & { body_size: number }) | undefined;
    if (!row) return null;
    const headers = openHeaders(JSON.parse(row.headers) as HttpHeaders, row.headers_sealed, this.box);
    return { ...toSummary(row), headers, body: toBody(row.body) };
  }
}
