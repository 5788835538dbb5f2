import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionMatches, evaluateCondition } from '../../../../src-main/conditions/condition-evaluation.ts';
import type { ConditionTrace } from '../../../../src-shared/domain/condition.ts';
import { readSentinelSeed } from '../../../fixtures/seed-documents.ts';

const seed = readSentinelSeed();

/** An expression quoted from seed 002, checked to be there verbatim so the tests follow the seed. */
function fromSeed(expression: string): string {
  expect(seed).toContain(expression);
  return expression;
}

const resultOf = (condition: string, payload: unknown) => evaluateCondition(condition, payload).result;

const productKey = (name: string) => ({ item: { itemProduct: { product: { nameVersion: { name, version: '1.0' } } } } });

function entitlement(fields: Record<string, unknown> = {}) {
  return {
    entitlement: {
      state: 'ENABLE',
      customer: { name: 'TestCustomer', identifier: '1111', externalId: 'C-9' },
      contact: { externalId: '617AWUD' },
      marketGroup: { name: 'APAC' },
      productKeys: { productKey: [productKey('Viewer'), productKey('TestProduct')] },
      ...fields,
    },
  };
}

describe('seed 002 "Supported Symbols": every row, true and false', () => {
  it('. (dot): entitlement.customer.name', () => {
    const condition = fromSeed("entitlement.customer.name == 'TestCustomer'");
    expect(resultOf(condition, entitlement())).toBe(true);
    expect(resultOf(condition, entitlement({ customer: { name: 'Other' } }))).toBe(false);
  });

  it("' (single quotes) mark a string; double quotes are read the same", () => {
    const condition = fromSeed("entitlement.state == 'ENABLE'");
    expect(resultOf(condition, entitlement())).toBe(true);
    expect(resultOf(condition, entitlement({ state: 'DISABLE' }))).toBe(false);
    expect(resultOf('entitlement.state == "ENABLE"', entitlement())).toBe(true);
  });

  it('== (equality) is exact: case and spaces count', () => {
    expect(resultOf("entitlement.state == 'ENABLE'", entitlement())).toBe(true);
    expect(resultOf("entitlement.state == 'enable'", entitlement())).toBe(false);
    expect(resultOf("entitlement.state == 'ENABLE '", entitlement())).toBe(false);
  });

  it("!= (inequality): the seed's own row, with a root-level status", () => {
    const condition = fromSeed("status != 'CLOSE'");
    expect(resultOf(condition, { status: 'ENABLE' })).toBe(true);
    expect(resultOf(condition, { status: 'CLOSE' })).toBe(false);
    expect(resultOf("entitlement.state != 'CLOSE'", entitlement())).toBe(true);
    expect(resultOf("entitlement.state != 'CLOSE'", entitlement({ state: 'CLOSE' }))).toBe(false);
  });

  it('* (wildcard): true if any property of customer matches', () => {
    const condition = fromSeed("entitlement.customer.* == 'TestCustomerExternalId'");
    expect(resultOf(condition, entitlement({ customer: { name: 'A', externalId: 'TestCustomerExternalId' } }))).toBe(true);
    expect(resultOf(condition, entitlement({ customer: { name: 'TestCustomerExternalId', externalId: 'x' } }))).toBe(true);
    expect(resultOf(condition, entitlement())).toBe(false);
  });

  it('() (parentheses): either branch makes it true, neither makes it false', () => {
    const condition = fromSeed(
      "((entitlement.customer.name == 'TestCustomer' && entitlement.customer.identifier == '1111') || (entitlement.marketGroup.name == 'APAC' && entitlement.state == 'DRAFT'))",
    );
    expect(resultOf(condition, entitlement())).toBe(true);
    expect(resultOf(condition, entitlement({ customer: { name: 'X', identifier: '1111' }, state: 'DRAFT' }))).toBe(true);
    expect(resultOf(condition, entitlement({ customer: { name: 'X', identifier: '1111' } }))).toBe(false);
    expect(resultOf(condition, entitlement({ customer: { name: 'TestCustomer', identifier: '2222' }, marketGroup: { name: 'EMEA' }, state: 'DRAFT' }))).toBe(
      false,
    );
  });

  it('[*] (array wildcard): true if at least one product key has the product', () => {
    const condition = fromSeed("entitlement.productKeys.productKey[*].item.itemProduct.product.nameVersion.name == 'TestProduct'");
    expect(resultOf(condition, entitlement())).toBe(true);
    expect(resultOf(condition, entitlement({ productKeys: { productKey: [productKey('TestProduct')] } }))).toBe(true);
    expect(resultOf(condition, entitlement({ productKeys: { productKey: [productKey('Viewer'), productKey('Editor')] } }))).toBe(false);
    expect(resultOf(condition, entitlement({ productKeys: { productKey: [] } }))).toBe(false);
  });

  it('[1] (array index): the second product key, counting from 0', () => {
    const condition = fromSeed("entitlement.productKeys.productKey[1].item.itemProduct.product.nameVersion.name == 'TestProduct'");
    expect(resultOf(condition, entitlement())).toBe(true);
    expect(resultOf(condition, entitlement({ productKeys: { productKey: [productKey('TestProduct'), productKey('Viewer')] } }))).toBe(false);
    expect(resultOf(condition, entitlement({ productKeys: { productKey: [productKey('TestProduct')] } }))).toBe(false);
  });
});

describe('the seed walkthrough expression', () => {
  const walkthrough = fromSeed(
    "((entitlement.customer.name == 'Sam Smith' && entitlement.state == 'ENABLE') || (entitlement.contact.externalId == '617AWUD'))",
  );
  const state = (name: string, enabled: string, externalId: string) => ({ entitlement: { customer: { name }, state: enabled, contact: { externalId } } });

  it("is true when Sam Smith's entitlement is enabled, or the contact is 617AWUD", () => {
    expect(resultOf(walkthrough, state('Sam Smith', 'ENABLE', 'other'))).toBe(true);
    expect(resultOf(walkthrough, state('Someone', 'DISABLE', '617AWUD'))).toBe(true);
    expect(resultOf(walkthrough, state('Sam Smith', 'ENABLE', '617AWUD'))).toBe(true);
  });

  it('is false when neither group holds', () => {
    expect(resultOf(walkthrough, state('Sam Smith', 'DISABLE', 'other'))).toBe(false);
    expect(resultOf(walkthrough, state('Someone', 'ENABLE', 'other'))).toBe(false);
    expect(resultOf(walkthrough, {})).toBe(false);
  });

  it('traces every clause with what its path found, even the ones || did not need', () => {
    const { trace } = evaluateCondition(walkthrough, state('Sam Smith', 'DISABLE', '617AWUD'));
    expect(trace).toMatchObject({
      kind: 'or',
      result: true,
      start: 0,
      end: walkthrough.length,
      children: [
        {
          kind: 'and',
          result: false,
          text: "(entitlement.customer.name == 'Sam Smith' && entitlement.state == 'ENABLE')",
          children: [
            { kind: 'comparison', result: true, path: 'entitlement.customer.name', operator: '==', expected: 'Sam Smith', found: ['Sam Smith'] },
            { kind: 'comparison', result: false, path: 'entitlement.state', expected: 'ENABLE', found: ['DISABLE'] },
          ],
        },
        { kind: 'and', result: true, children: [{ kind: 'comparison', result: true, text: "entitlement.contact.externalId == '617AWUD'" }] },
      ],
    });
  });

  it('shows in the builder as the seed builds it: an Or of two filter groups, the second with one row', () => {
    expect(evaluateCondition(walkthrough, {}).builder).toEqual({
      kind: 'group',
      operator: 'or',
      items: [
        {
          kind: 'group',
          operator: 'and',
          items: [
            { kind: 'row', path: 'entitlement.customer.name', operator: '==', value: 'Sam Smith' },
            { kind: 'row', path: 'entitlement.state', operator: '==', value: 'ENABLE' },
          ],
        },
        { kind: 'group', operator: 'and', items: [{ kind: 'row', path: 'entitlement.contact.externalId', operator: '==', value: '617AWUD' }] },
      ],
    });
  });
});

describe('paths', () => {
  const orders = {
    account: {
      orders: [
        { lines: [{ sku: 'A' }, { sku: 'B' }], tags: ['x'] },
        { lines: [{ sku: 'C' }], tags: [] },
      ],
    },
  };

  it('several [*] in one path reach every element of every element', () => {
    expect(resultOf("account.orders[*].lines[*].sku == 'C'", orders)).toBe(true);
    expect(resultOf("account.orders[*].lines[*].sku == 'D'", orders)).toBe(false);
    expect(evaluateCondition("account.orders[*].lines[*].sku == 'D'", orders).trace).toMatchObject({ found: ['A', 'B', 'C'] });
  });

  it('[n] and [*] mix; an index past the end is missing', () => {
    expect(resultOf("account.orders[0].lines[*].sku == 'B'", orders)).toBe(true);
    expect(resultOf("account.orders[1].lines[*].sku == 'B'", orders)).toBe(false);
    expect(resultOf("account.orders[*].lines[1].sku == 'B'", orders)).toBe(true);
    expect(resultOf("account.orders[5].lines[0].sku == 'A'", orders)).toBe(false);
  });

  it("* and [*] keep to their kinds: * is an object's properties, [*] an array's elements", () => {
    expect(resultOf("account.orders.* == 'x'", orders)).toBe(false);
    expect(resultOf("account[*].orders == 'x'", orders)).toBe(false);
    expect(resultOf("account.orders[0].tags[*] == 'x'", orders)).toBe(true);
  });

  it('a * wildcard may start the path', () => {
    expect(resultOf("*.state == 'ENABLE'", entitlement())).toBe(true);
  });

  it('!= with a wildcard is true when some value differs (each clause asks "at least one")', () => {
    expect(resultOf("account.orders[*].lines[*].sku != 'A'", orders)).toBe(true);
    expect(resultOf("account.orders[0].tags[*] != 'x'", orders)).toBe(false);
  });

  it('names, spaces and line breaks between the parts of a path are allowed', () => {
    expect(resultOf("account . orders [ 0 ]\n  .lines[*].sku == 'A'", orders)).toBe(true);
  });
});

describe('missing paths and values that are not strings', () => {
  it('a comparison on a missing path is false, for == and for != alike, and never throws', () => {
    for (const payload of [{}, { entitlement: null }, { entitlement: 'text' }, { entitlement: [] }, { entitlement: { customer: 5 } }]) {
      expect(resultOf("entitlement.customer.name == 'X'", payload)).toBe(false);
      expect(resultOf("entitlement.customer.name != 'X'", payload)).toBe(false);
    }
    expect(evaluateCondition("entitlement.nope != 'X'", entitlement()).trace).toMatchObject({ result: false, found: [] });
  });

  it('numbers and booleans in the payload match their text', () => {
    const payload = { entitlement: { quantity: 5, ratio: 1.5, trial: true } };
    expect(resultOf("entitlement.quantity == '5'", payload)).toBe(true);
    expect(resultOf("entitlement.ratio == '1.5'", payload)).toBe(true);
    expect(resultOf("entitlement.trial == 'true'", payload)).toBe(true);
    expect(resultOf("entitlement.quantity != '5'", payload)).toBe(false);
  });

  it('null, objects and arrays are values that equal no string', () => {
    const payload = { entitlement: { refId1: null, customer: { name: 'X' }, tags: ['X'] } };
    for (const path of ['entitlement.refId1', 'entitlement.customer', 'entitlement.tags']) {
      expect(resultOf(`${path} == 'X'`, payload)).toBe(false);
      expect(resultOf(`${path} == 'null'`, payload)).toBe(false);
      expect(resultOf(`${path} != 'X'`, payload)).toBe(true);
    }
  });

  it('escaped quotes and backslashes in values', () => {
    const payload = { customer: { name: "O'Brien \\ Co", title: 'say "hi"' } };
    expect(resultOf("customer.name == 'O\\'Brien \\\\ Co'", payload)).toBe(true);
    expect(resultOf('customer.title == "say \\"hi\\""', payload)).toBe(true);
    expect(resultOf('customer.title == \'say "hi"\'', payload)).toBe(true);
  });
});

describe('&& binds tighter than ||, as in JEXL and JavaScript', () => {
  it('a || b && c is a || (b && c)', () => {
    const payload = { a: 'yes', b: 'no', c: 'no' };
    expect(resultOf("a == 'yes' || b == 'yes' && c == 'yes'", payload)).toBe(true);
    expect(resultOf("(a == 'yes' || b == 'yes') && c == 'yes'", payload)).toBe(false);
  });

  it('long chains evaluate like their meaning', () => {
    const clauses = Array.from({ length: 200 }, (_, index) => `k${index} == 'v'`);
    const all = Object.fromEntries(clauses.map((_, index) => [`k${index}`, 'v']));
    expect(resultOf(clauses.join(' && '), all)).toBe(true);
    expect(resultOf(clauses.join(' && '), { ...all, k199: 'w' })).toBe(false);
    expect(resultOf(clauses.join(' || '), { k150: 'v' })).toBe(true);
  });
});

describe('empty and broken conditions', () => {
  it('an empty condition matches everything and shows an empty builder', () => {
    expect(evaluateCondition('  \n ', {})).toEqual({
      result: true,
      diagnostics: [],
      warnings: [],
      trace: null,
      builder: { kind: 'group', operator: 'and', items: [] },
    });
    expect(conditionMatches('', {})).toBe(true);
  });

  it('a condition with errors has no result, no trace, no builder, and the engine matches nothing with it', () => {
    const evaluation = evaluateCondition("entitlement.state == 'ENABLE' &&", entitlement());
    expect(evaluation).toMatchObject({ result: null, trace: null, builder: null });
    expect(evaluation.diagnostics).toHaveLength(1);
    expect(evaluation.builderNote).toBeTruthy();
    expect(conditionMatches("entitlement.state == 'ENABLE' &&", entitlement())).toBe(false);
  });
});

describe('the trace agrees with the result', () => {
  const collect = (trace: ConditionTrace): ConditionTrace[] => [trace, ...(trace.kind === 'comparison' ? [] : trace.children.flatMap(collect))];

  it('each group is the && / || of its children, and spans its own text', () => {
    const condition = "a == '1' && (b == '2' || c[*] == '3') || d.* != '4'";
    const payload = { a: '1', b: 'x', c: ['3'], d: { e: '4' } };
    const { trace, result } = evaluateCondition(condition, payload);
    expect(trace!.result).toBe(result);
    for (const node of collect(trace!)) {
      expect(node.text).toBe(condition.slice(node.start, node.end));
      if (node.kind === 'and') expect(node.result).toBe(node.children.every((child) => child.result));
      if (node.kind === 'or') expect(node.result).toBe(node.children.some((child) => child.result));
    }
  });
});

describe('any text against any JSON payload: a result or diagnostics, never an exception (property)', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc
      .array(fc.constantFrom('a', 'b', '.', '*', '[*]', '[0]', '[1]', ' == ', ' != ', " 'x' ", ' "1" ', ' && ', ' || ', '(', ')', 'constructor', '__proto__'), {
        maxLength: 16,
      })
      .map((parts) => parts.join('')),
  );
  const payload = fc.record({ a: fc.jsonValue(), b: fc.jsonValue() });

  it('holds', () => {
    fc.assert(
      fc.property(text, payload, (condition, context) => {
        const evaluation = evaluateCondition(condition, context);
        if (evaluation.diagnostics.length > 0) {
          expect(evaluation.result).toBeNull();
        } else {
          expect(typeof evaluation.result).toBe('boolean');
          if (evaluation.trace) expect(evaluation.trace.result).toBe(evaluation.result);
          expect(conditionMatches(condition, context)).toBe(evaluation.result);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('a misspelled path gets a "did you mean" warning when the payload has a close one', () => {
  it('entitlment.state: warned at the path, pointing to entitlement.state; the result is still what the condition says', () => {
    const condition = "entitlment.state == 'ENABLE' && entitlement.customer.name == 'TestCustomer'";
    const evaluation = evaluateCondition(condition, entitlement());
    expect(evaluation.result).toBe(false);
    expect(evaluation.diagnostics).toEqual([]);
    expect(evaluation.warnings).toEqual([
      {
        message: '`entitlment.state` is not in the payload: did you mean `entitlement.state`?',
        start: 0,
        end: 'entitlment.state'.length,
        line: 1,
        column: 1,
      },
    ]);
  });

  it('array indexes are compared as [*]; a path far from every payload path, or one that is found, gets no warning', () => {
    const viaIndex = evaluateCondition("entitlement.productKeys.productKey[0].item.itemProduct.product.nameVersion.nmae == 'Viewer'", entitlement());
    expect(viaIndex.warnings.map((warning) => warning.message)).toEqual([
      '`entitlement.productKeys.productKey[0].item.itemProduct.product.nameVersion.nmae` is not in the payload: did you mean `entitlement.productKeys.productKey[*].item.itemProduct.product.nameVersion.name`?',
    ]);
    expect(evaluateCondition("order.total == '5'", entitlement()).warnings).toEqual([]);
    expect(evaluateCondition("entitlement.state == 'DISABLE'", entitlement()).warnings).toEqual([]);
    expect(evaluateCondition("entitlement.productKeys.productKey[7].item.x == 'a'", entitlement()).warnings).toEqual([]);
  });
});
