import { describe, expect, it } from 'vitest';
import { JexlCondition } from '../../../../src-main/conditions/condition-jexl.ts';
import { parseCondition } from '../../../../src-main/conditions/condition-parser.ts';
import { evaluateCondition } from '../../../../src-main/conditions/condition-evaluation.ts';

function program(text: string): JexlCondition {
  const parsed = parseCondition(text);
  if (!parsed.ok) throw new Error(parsed.diagnostic.message);
  return new JexlCondition(parsed.node);
}

describe('pre-compilation onto jexl', () => {
  it('the jexl source holds only generated names: user text never reaches jexl', () => {
    const condition = "a.b[*].c == '\\'); process.exit(1); (\\'' || (d.* != 'constructor' && e[2] == '${x}')";
    const { source } = program(condition);
    expect(source).toBe('(_|values(p0) == v0 || (_|values(p1) != v1 && _|values(p2) == v2))');
    expect(source).toMatch(/^[\s()_|a-z0-9=!&]+$/);
  });

  it('long && chains become balanced trees, so evaluation depth grows with log n', () => {
    const { source } = program(["a == '1'", "b == '2'", "c == '3'", "d == '4'", "e == '5'"].join(' && '));
    expect(source).toBe('(((_|values(p0) == v0 && _|values(p1) == v1) && _|values(p2) == v2) && (_|values(p3) == v3 && _|values(p4) == v4))');
  });

  it('a part evaluates alone through the same operators as the whole', () => {
    const parsed = parseCondition("a == '1' && (b == '2' || c == '3')");
    if (!parsed.ok || parsed.node.kind !== 'group') throw new Error('unexpected parse');
    const jexl = new JexlCondition(parsed.node);
    const session = jexl.session({ a: '1', b: 'x', c: '3' });
    expect(jexl.matches({ a: '1', b: 'x', c: '3' })).toBe(true);
    expect(session.matches()).toBe(true);
    expect(session.matches(parsed.node.items[0]!)).toBe(true);
    expect(jexl.session({ c: 'x' }).matches(parsed.node.items[1]!)).toBe(false);
  });
});

describe('escape attempts are diagnostics or plain false, never code', () => {
  const state = { entitlement: { customer: { name: 'X' }, productKeys: { productKey: [{ id: '1' }] } } };

  it.each([
    "a.constructor.constructor('return process')()",
    "constructor.constructor('return process')().exit()",
    "entitlement.customer.name|constructor == 'x'",
    "entitlement.customer.name == 'x'|toUpperCase",
    "process.mainModule.require('fs').readFileSync('/etc/passwd') == 'x'",
    'entitlement["constructor"] == \'x\'',
    "entitlement.customer.name == ''.constructor",
    "({}).constructor == 'x'",
    '_|values(p0) == v0',
    "this.process == 'x' ; process.exit()",
    "`${process.exit()}` == 'x'",
  ])('rejected with a diagnostic: %s', (condition) => {
    const evaluation = evaluateCondition(condition, state);
    expect(evaluation.result).toBeNull();
    expect(evaluation.diagnostics).toHaveLength(1);
  });

  it.each([
    "constructor.name == 'Object'",
    "entitlement.constructor.name == 'Object'",
    "entitlement.__proto__.constructor.name == 'Object'",
    "entitlement.customer.toString != 'x'",
    "entitlement.productKeys.productKey.length == '1'",
    "entitlement.productKeys.productKey.constructor.name == 'Array'",
    "entitlement.customer.name.length == '1'",
    "process.env.HOME != 'x'",
    "global.process != 'x'",
    "_ != 'x'",
    "p0 != 'x'",
  ])("evaluates to false: the path reaches nothing but the payload's own data: %s", (condition) => {
    const evaluation = evaluateCondition(condition, state);
    expect(evaluation.diagnostics).toEqual([]);
    expect(evaluation.result).toBe(false);
    expect(evaluation.trace).toMatchObject({ found: [] });
  });
});
