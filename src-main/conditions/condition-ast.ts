import type { ComparisonOperator } from '../../src-shared/domain/condition.ts';

/** Offsets into the condition text: 0-based, end exclusive (the same convention as diagnostics). */
export interface Span {
  start: number;
  end: number;
}

/**
 * One step of a Sentinel path: a property name, `*` (every own property value of an object),
 * `[*]` (every element of an array) or `[n]` (the n-th element, 0-based).
 */
export type PathSegment = { kind: 'name'; name: string } | { kind: 'anyProperty' } | { kind: 'anyElement' } | { kind: 'index'; index: number };

export interface ConditionPath extends Span {
  /** Canonical text (`entitlement.productKeys.productKey[*].state`): what the builder shows. */
  text: string;
  segments: PathSegment[];
}

export interface ComparisonNode extends Span {
  kind: 'comparison';
  path: ConditionPath;
  operator: ComparisonOperator;
  /** The string literal, unescaped. */
  value: string;
}

/**
 * `a && b && c` is one group of three. A parenthesized part is always a group of its own, even of
 * one item, so `(a && b) && c` keeps the nesting the author (or the builder) wrote.
 */
export interface GroupNode extends Span {
  kind: 'group';
  operator: 'and' | 'or';
  items: ConditionNode[];
  parenthesized: boolean;
}

export type ConditionNode = ComparisonNode | GroupNode;

export function printPath(segments: readonly PathSegment[]): string {
  return (
    segments
      // biome-ignore lint/suspicious/useIterableCallbackReturn: the switch covers every PathSegment kind (TypeScript checks it), so every path returns.
      .map((segment, index) => {
        switch (segment.kind) {
          case 'name':
            return index === 0 ? segment.name : `.${segment.name}`;
          case 'anyProperty':
            return index === 0 ? '*' : '.*';
          case 'anyElement':
            return '[*]';
          case 'index':
            return `[${segment.index}]`;
        }
      })
      .join('')
  );
}
