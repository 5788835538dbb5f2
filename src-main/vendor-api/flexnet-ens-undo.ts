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

/**
 * An ENS write is several engine writes; a refused request must change nothing, so each write
 * that went through leaves how to take it back, and a refusal takes them all back, newest first.
 */
export class EnsUndoLog {
  private readonly undos: (() => Promise<unknown>)[] = [];

  /** Runs one engine write; a refusal is thrown in ENS terms. `undo` (given the result) takes it back. */
  async write<T>(fields: EnsFields, run: () => Promise<T>, undo?: (result: T) => Promise<unknown>): Promise<T> {
    let result: T;
    try {
      result = await run();
    } catch (error) {
      throw inEnsTerms(error, fields);
    }
    if (undo) this.undos.push(() => undo(result));
    return result;
  }

  /**
   * Takes back every write, newest first. One that fails does not stop the others: the refusal
   * the caller reports is the one that explains the request's answer.
   */
  async undoAll(): Promise<void> {
    for (const undo of this.undos.reverse()) {
      await undo().catch(() => undefined);
    }
    this.undos.length = 0;
  }
}
