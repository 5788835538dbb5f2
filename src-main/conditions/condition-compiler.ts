import type { ConditionDiagnostic } from '../../src-shared/domain/condition.ts';
import type { ConditionNode } from './condition-ast.ts';
import { JexlCondition } from './condition-jexl.ts';
import { parseCondition } from './condition-parser.ts';

/** A condition text, compiled: nothing (matches every event), errors, or a runnable program. */
export type CompiledCondition =
  | { kind: 'empty'; text: string }
  | { kind: 'invalid'; text: string; diagnostics: ConditionDiagnostic[] }
  | { kind: 'valid'; text: string; root: ConditionNode; program: JexlCondition };

export function compileCondition(text: string): CompiledCondition {
  if (text.trim() === '') return { kind: 'empty', text };
  const parsed = parseCondition(text);
  if (!parsed.ok) return { kind: 'invalid', text, diagnostics: [parsed.diagnostic] };
  return { kind: 'valid', text, root: parsed.node, program: new JexlCondition(parsed.node) };
}

/**
 * Whether an event's state passes the condition. No condition passes everything (seed 002: "If
 * no trigger condition is defined, the webhook is triggered for every occurrence"); a condition
 * with errors passes nothing: it cannot be saved, and a broken filter must not flood an endpoint.
 */
export function conditionHolds(compiled: CompiledCondition, context: unknown): boolean {
  if (compiled.kind === 'empty') return true;
  if (compiled.kind === 'invalid') return false;
  return compiled.program.matches(context);
}
