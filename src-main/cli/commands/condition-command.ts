import { Command } from 'commander';
import type { ConditionEvaluation, ConditionTrace } from '../../../src-shared/domain/condition.ts';
import { formatConditionDiagnostic } from '../../conditions/condition-diagnostics.ts';
import { evaluateCondition } from '../../conditions/condition-evaluation.ts';
import { evaluationContextOf } from '../../conditions/evaluation-context.ts';
import { EXIT_FAILURE, UsageError } from '../cli-error.ts';
import { readJsonObjectFile } from '../json-file.ts';
import { printJson } from '../output.ts';

const FOUND_SHOWN = 5;
const VALUE_SHOWN = 60;

function showValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > VALUE_SHOWN ? `${text.slice(0, VALUE_SHOWN - 1)}…` : text;
}

function showFound(found: unknown[]): string {
  if (found.length === 0) return 'found nothing (the path is missing)';
  const shown = found.slice(0, FOUND_SHOWN).map(showValue).join(', ');
  return `found ${shown}${found.length > FOUND_SHOWN ? ` and ${found.length - FOUND_SHOWN} more` : ''}`;
}

/** The trace as an indented tree: each group says how it joins, each clause what its path found. */
export function traceLines(trace: ConditionTrace, depth = 0): string[] {
  const indent = '  '.repeat(depth);
  const mark = trace.result ? '[true] ' : '[false]';
  if (trace.kind === 'comparison') return [`${indent}${mark} ${trace.text}  ${showFound(trace.found)}`];
  const joins = trace.kind === 'and' ? 'all of (&&)' : 'any of (||)';
  return [`${indent}${mark} ${trace.children.length === 1 ? '(…)' : joins}`, ...trace.children.flatMap((child) => traceLines(child, depth + 1))];
}

function printEvaluation(evaluation: ConditionEvaluation): void {
  if (evaluation.trace === null) {
    console.log('true (no condition: every event matches)');
    return;
  }
  console.log(String(evaluation.result));
  for (const line of traceLines(evaluation.trace, 1)) console.log(line);
  for (const warning of evaluation.warnings) console.error(`warning: ${formatConditionDiagnostic(warning)}`);
}

function readContext(file: string): Record<string, unknown> {
  const json = readJsonObjectFile('--payload', file);
  try {
    return evaluationContextOf(json);
  } catch (error) {
    throw new UsageError(`--payload: ${file}: ${(error as Error).message}`);
  }
}

export function conditionCommand(): Command {
  const condition = new Command('condition').description('work with trigger conditions (Sentinel JEXL)');

  condition
    .command('test')
    .description('evaluate a trigger condition against an entity state or a notification body; exit 1 if it has errors')
    .requiredOption('--expr <expression>', 'the condition, e.g. "entitlement.state == \'ENABLE\'"')
    .requiredOption('--payload <file>', 'JSON file: the entity state ({"entitlement": …}) or a whole notification body')
    .option('--json', 'print JSON: result, trace, diagnostics, builder')
    .action((options: { expr: string; payload: string; json?: boolean }) => {
      const evaluation = evaluateCondition(options.expr, readContext(options.payload));
      if (options.json) printJson(evaluation);
      else if (evaluation.diagnostics.length === 0) printEvaluation(evaluation);
      else for (const diagnostic of evaluation.diagnostics) console.error(formatConditionDiagnostic(diagnostic));
      if (evaluation.diagnostics.length > 0) process.exitCode = EXIT_FAILURE;
    });

  return condition;
}
