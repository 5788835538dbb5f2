import { validationError, type FieldIssue } from '../../src-shared/contracts/contract-kit.ts';
import { AppError } from '../../src-shared/errors.ts';

/** Engine field paths of one write and the ENS configuration fields they stand for. */
export type EnsFields = Readonly<Record<string, string>>;

/** An engine refusal said in ENS terms: each issue whose path stands for an ENS field is named by that field. */
function inEnsTerms(error: unknown, fields: EnsFields): unknown {
  if (!(error instanceof AppError) || error.code !== 'invalid_input') return error;
  const issues = (error.details as { issues?: FieldIssue[] } | undefined)?.issues;
  if (!issues) return error;
  return validationError(issues.map((issue) => ({ path: fields[issue.path] ?? issue.path, message: issue.message })));
}

/** How to take one engine write back, and what stays if that fails (e.g. `profile "FlexNet ENS webhook auth"`). */
export interface EnsUndo<T> {
  what(result: T): string;
  run(result: T): Promise<unknown>;
}

/**
 * An ENS write is several engine writes; a refused request must change nothing, so each write
 * that went through leaves how to take it back, and a refusal takes them all back, newest first.
 */
export class EnsUndoLog {
  private readonly undos: { what: string; run: () => Promise<unknown> }[] = [];

  /** Runs one engine write; a refusal is thrown in ENS terms. `undo` (given the result) takes it back. */
  async write<T>(fields: EnsFields, run: () => Promise<T>, undo?: EnsUndo<T>): Promise<T> {
    let result: T;
    try {
      result = await run();
    } catch (error) {
      throw inEnsTerms(error, fields);
    }
    if (undo) this.undos.push({ what: undo.what(result), run: () => undo.run(result) });
    return result;
  }

  /**
   * Takes back every write, newest first. One that fails does not stop the others; the writes
   * that could not be taken back are returned, so the answer can say what stayed.
   */
  async undoAll(): Promise<string[]> {
    const stayed: string[] = [];
    for (const undo of this.undos.reverse()) {
      await undo.run().catch(() => stayed.push(undo.what));
    }
    this.undos.length = 0;
    return stayed;
  }
}
