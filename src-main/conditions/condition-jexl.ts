import jexlModule from 'jexl';
import type { ComparisonNode, ConditionNode } from './condition-ast.ts';
import { compilePath, equalsText, type PathReader } from './condition-path.ts';

/**
 * The jexl instance trigger conditions run on. A condition is pre-compiled into a jexl expression
 * in which every Sentinel path is a `values` transform (the reader for `*`, `[*]`, `[n]` that
 * plain jexl cannot parse) and `==` / `!=` are jexl binary operators redefined for Sentinel's
 * meaning: "some value the path reached is (not) equal to the string". jexl keeps doing what it
 * is good at: the operator tree, short-circuit && and ||, evaluation.
 *
 * Everything else jexl knows is removed, so even a hand-written jexl string could not do
 * arithmetic or negation here; there are no functions and `values` is the only transform.
 */
const conditionJexl = new jexlModule.Jexl();
for (const operator of ['+', '-', '*', '/', '//', '%', '^', '>', '>=', '<', '<=', 'in', '!']) conditionJexl.removeOp(operator);
// A missing path reaches no value, so `some` is false for both operators: a comparison on a
// missing path never holds, not even `!=` (Hooklab's choice; the seed does not say). With a
// wildcard, `!=` holds when at least one value differs, as the seed defines [*] per element.
conditionJexl.addBinaryOp('==', 20, (found: unknown[], text: string) => found.some((value) => equalsText(value, text)));
conditionJexl.addBinaryOp('!=', 20, (found: unknown[], text: string) => found.some((value) => !equalsText(value, text)));
conditionJexl.addTransform('values', (root: unknown, read: PathReader) => read(root));

type JexlExpression = ReturnType<typeof conditionJexl.compile>;

/** The evaluation context is bound to `_`; paths and literals are `p0…`, `v0…` of the scope. */
const CONTEXT = '_';

/**
 * A parsed condition as jexl programs. User text never reaches jexl: the generated source holds
 * only our identifiers, so no quoting or escaping can be got wrong. Sub-expressions (for the
 * per-clause trace) are compiled on first use, the whole one at once.
 */
export class JexlCondition {
  /** Generated jexl source, e.g. `(_|values(p0) == v0 && _|values(p1) == v1)`: kept for debugging. */
  readonly source: string;
  private readonly scope: Record<string, unknown> = Object.create(null);
  private readonly sources = new Map<ConditionNode, string>();
  /** Each comparison's path reader and the scope name it is bound to (`p0`…). */
  private readonly paths = new Map<ComparisonNode, { name: string; read: PathReader }>();
  private readonly compiled = new Map<ConditionNode, JexlExpression>();
  private readonly root: ConditionNode;

  constructor(root: ConditionNode) {
    this.root = root;
    this.source = this.generate(root);
    this.compiled.set(root, conditionJexl.compile(this.source));
  }

  private generate(node: ConditionNode): string {
    let source: string;
    if (node.kind === 'comparison') {
      const index = this.paths.size;
      const read = compilePath(node.path.segments);
      this.paths.set(node, { name: `p${index}`, read });
      this.scope[`p${index}`] = read;
      this.scope[`v${index}`] = node.value;
      source = `${CONTEXT}|values(p${index}) ${node.operator} v${index}`;
    } else {
      source = balanced(
        node.items.map((item) => this.generate(item)),
        node.operator === 'and' ? '&&' : '||',
      );
    }
    this.sources.set(node, source);
    return source;
  }

  private expressionOf(node: ConditionNode): JexlExpression {
    let expression = this.compiled.get(node);
    if (!expression) {
      expression = conditionJexl.compile(this.sources.get(node)!);
      this.compiled.set(node, expression);
    }
    return expression;
  }

  private bind(context: unknown): Record<string, unknown> {
    const bound = Object.create(this.scope) as Record<string, unknown>;
    bound[CONTEXT] = context;
    return bound;
  }

  /** The engine's question, on the hot path: one jexl evaluation, short-circuit and all. */
  matches(context: unknown): boolean {
    return this.compiled.get(this.root)!.evalSync(this.bind(context)) === true;
  }

  /**
   * Evaluates any part of the condition (for the per-clause trace) through the same jexl
   * operators as the whole; each path is read once per session however many parts use it.
   */
  session(context: unknown): ConditionSession {
    const bound = this.bind(context);
    const reads = new Map<ComparisonNode, unknown[]>();
    const found = (node: ComparisonNode) => {
      let values = reads.get(node);
      if (!values) {
        values = this.paths.get(node)!.read(context);
        reads.set(node, values);
      }
      return values;
    };
    for (const [node, { name }] of this.paths) bound[name] = () => found(node);
    return {
      matches: (node = this.root) => this.expressionOf(node).evalSync(bound) === true,
      found,
    };
  }
}

export interface ConditionSession {
  /** The whole condition, or one clause or group of it. */
  matches(node?: ConditionNode): boolean;
  /** Every value a comparison's path reached (what the trace shows as "found"). */
  found(node: ComparisonNode): unknown[];
}

/** `a && b && c && d` as `((a && b) && (c && d))`: long chains stay shallow for jexl's recursive evaluator. */
function balanced(parts: string[], operator: string): string {
  if (parts.length === 1) return parts[0]!;
  const middle = Math.ceil(parts.length / 2);
  return `(${balanced(parts.slice(0, middle), operator)} ${operator} ${balanced(parts.slice(middle), operator)})`;
}
