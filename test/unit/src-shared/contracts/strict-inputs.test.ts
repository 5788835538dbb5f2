import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { appContract, appMethodNames } from '../../../../src-shared/contracts/app-contract.ts';

type Def = Record<string, unknown> & { type: string; catchall?: z.ZodType; shape?: Record<string, z.ZodType> };
const isSchema = (value: unknown): value is z.ZodType => typeof value === 'object' && value !== null && '_zod' in value;

/** Paths (in schema terms) of every object inside `schema` that lets unknown fields through. */
function lenientObjects(schema: z.ZodType, path: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def as unknown as Def;
  const found: string[] = [];
  if (def.type === 'object' && def.catchall?._zod.def.type !== 'never') found.push(path || '(input)');
  // Every schema the definition holds: object shapes, array elements, union options, wrapped and piped schemas.
  for (const [key, value] of Object.entries(def)) {
    const children = isSchema(value)
      ? [[key, value] as const]
      : Array.isArray(value)
        ? value.filter(isSchema).map((child, index) => [`${key}[${index}]`, child] as const)
        : [];
    if (key === 'shape' && value) children.push(...Object.entries(value as Record<string, z.ZodType>).map(([field, child]) => [field, child] as const));
    for (const [name, child] of children) found.push(...lenientObjects(child, key === 'shape' ? `${path}.${name}` : path, seen));
  }
  return found;
}

describe('every method input refuses unknown fields', () => {
  it.each(appMethodNames)('%s: every object in its input schema is strict', (name) => {
    expect(lenientObjects(appContract.methods[name].input, name)).toEqual([]);
  });

  it('the walk finds a lenient object nested in unions, arrays and defaults', async () => {
    const { z } = await import('zod');
    const nested = z.strictObject({ items: z.array(z.union([z.strictObject({ a: z.string() }), z.object({ b: z.string() })])).default([]) });
    expect(lenientObjects(nested, 'm')).toEqual(['m.items']);
  });
});
