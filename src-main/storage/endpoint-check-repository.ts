import {
  CHECK_RUNS_KEPT,
  type CheckCaseResult,
  type CheckExchange,
  type CheckFamily,
  type CheckOutcome,
  type CheckRun,
  type CheckRunSummary,
} from '../../src-shared/domain/endpoint-check.ts';
import type { HttpHeaders } from '../../src-shared/domain/http-message.ts';
import type { VendorId } from '../../src-shared/domain/vendor.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import type { Db } from './database.ts';
import { openHeaders, sealHeaders } from './sealed-headers.ts';
import { prepared } from './statement-cache.ts';

interface RunRow {
  id: string;
  url: string;
  vendor: VendorId;
  webhook_name: string | null;
  started_at: number;
  finished_at: number;
  counts: string;
  passed: number;
}

interface CaseRow {
  case_id: string;
  family: CheckFamily;
  title: string;
  required: number;
  outcome: CheckOutcome;
  expected: string;
  verdict: string;
  why: string;
  exchanges: string;
}

/** An exchange as stored: credential header values are stand-ins, the real ones sealed beside them (base64). */
interface StoredExchange extends CheckExchange {
  requestHeadersSealed: string | null;
  responseHeadersSealed: string | null;
}

const RUN_COLUMNS = 'id, url, vendor, webhook_name, started_at, finished_at, counts, passed';

const toSummary = (row: RunRow): CheckRunSummary => ({
  id: row.id,
  url: row.url,
  vendor: row.vendor,
  webhookName: row.webhook_name,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  counts: JSON.parse(row.counts) as CheckRunSummary['counts'],
  passed: row.passed === 1,
});

/** Endpoint check runs, each with its case results, kept so two runs can be compared; the newest CHECK_RUNS_KEPT. */
export class EndpointCheckRepository {
  private readonly db: Db;
  private readonly box: SecretBox;

  constructor(db: Db, box: SecretBox) {
    this.db = db;
    this.box = box;
  }

  save(run: CheckRun): void {
    prepared(this.db, `INSERT INTO endpoint_check_runs (${RUN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
      run.id,
      run.url,
      run.vendor,
      run.webhookName,
      run.startedAt,
      run.finishedAt,
      JSON.stringify(run.counts),
      run.passed ? 1 : 0,
    );
    const insertCase = prepared(
      this.db,
      `INSERT INTO endpoint_check_cases (run_id, position, case_id, family, title, required, outcome, expected, verdict, why, exchanges)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    run.cases.forEach((result, position) => {
      const exchanges = result.exchanges.map((exchange) => this.sealExchange(exchange));
      insertCase.run(
        run.id,
        position,
        result.caseId,
        result.family,
        result.title,
        result.required ? 1 : 0,
        result.outcome,
        result.expected,
        result.verdict,
        result.why,
        JSON.stringify(exchanges),
      );
    });
    // Cases go with their run (ON DELETE CASCADE).
    prepared(this.db, 'DELETE FROM endpoint_check_runs WHERE id NOT IN (SELECT id FROM endpoint_check_runs ORDER BY started_at DESC, id DESC LIMIT ?)').run(
      CHECK_RUNS_KEPT,
    );
  }

  /** Newest first. */
  list(limit: number): CheckRunSummary[] {
    const rows = prepared(this.db, `SELECT ${RUN_COLUMNS} FROM endpoint_check_runs ORDER BY started_at DESC, id DESC LIMIT ?`).all(limit) as RunRow[];
    return rows.map(toSummary);
  }

  /** Whether a run with this id is kept (without reading its cases). */
  has(id: string): boolean {
    return prepared(this.db, 'SELECT 1 FROM endpoint_check_runs WHERE id = ?').get(id) !== undefined;
  }

  get(id: string): CheckRun | null {
    const row = prepared(this.db, `SELECT ${RUN_COLUMNS} FROM endpoint_check_runs WHERE id = ?`).get(id) as RunRow | undefined;
    if (!row) return null;
    const cases = prepared(
      this.db,
      'SELECT case_id, family, title, required, outcome, expected, verdict, why, exchanges FROM endpoint_check_cases WHERE run_id = ? ORDER BY position',
    ).all(id) as CaseRow[];
    return { ...toSummary(row), cases: cases.map((caseRow) => this.toCase(caseRow)) };
  }

  private sealExchange(exchange: CheckExchange): StoredExchange {
    const request = sealHeaders(exchange.request.headers, this.box);
    const response = exchange.response ? sealHeaders(exchange.response.headers, this.box) : null;
    return {
      ...exchange,
      request: { ...exchange.request, headers: request.headers },
      response: exchange.response && response ? { ...exchange.response, headers: response.headers } : null,
      requestHeadersSealed: request.sealed?.toString('base64') ?? null,
      responseHeadersSealed: response?.sealed?.toString('base64') ?? null,
    };
  }

  private toCase(row: CaseRow): CheckCaseResult {
    const open = (headers: HttpHeaders, sealed: string | null) => openHeaders(headers, sealed === null ? null : Buffer.from(sealed, 'base64'), this.box);
    const exchanges = (JSON.parse(row.exchanges) as StoredExchange[]).map(({ requestHeadersSealed, responseHeadersSealed, ...exchange }) => ({
      ...exchange,
      request: { ...exchange.request, headers: open(exchange.request.headers, requestHeadersSealed) },
      response: exchange.response ? { ...exchange.response, headers: open(exchange.response.headers, responseHeadersSealed) } : null,
    }));
    return {
      caseId: row.case_id,
      family: row.family,
      title: row.title,
      required: row.required === 1,
      outcome: row.outcome,
      expected: row.expected,
      verdict: row.verdict,
      why: row.why,
      exchanges,
    };
  }
}
