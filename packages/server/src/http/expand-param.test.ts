import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { embeddedRoutes } from '../routes/embedded';
import { platformRoutes } from '../routes/platform';
import { expandLevels, expandParam } from './expand-param';

describe('expandLevels', () => {
  it('counts one level per property of a path', () => {
    expect(expandLevels('destination', { list: false })).toBe(1);
    expect(expandLevels('transfer_data.destination', { list: false })).toBe(2);
    expect(expandLevels('transfer.source_transaction.transfer.destination', { list: false })).toBe(4);
  });

  it("does not count the data. that starts a list's path, but counts it on an object", () => {
    expect(expandLevels('data.transfer.source_transaction.transfer.destination', { list: true })).toBe(4);
    expect(expandLevels('data.transfer.source_transaction.transfer.destination', { list: false })).toBe(5);
    expect(expandLevels('transfer.source_transaction.transfer.destination.x', { list: true })).toBe(5);
  });
});

describe('expandParam', () => {
  const parse = (list: boolean, paths: string[]) => z.safeParse(expandParam({ list }), paths);

  it('accepts paths of four levels, after data. on a list', () => {
    expect(parse(false, ['a', 'a.b.c.d']).success).toBe(true);
    expect(parse(true, ['data.a', 'data.a.b.c.d']).success).toBe(true);
  });

  it('refuses a fifth level as a problem of expand itself, naming the path', () => {
    for (const [list, path] of [
      [false, 'a.b.c.d.e'],
      [false, 'data.a.b.c.d'],
      [true, 'data.a.b.c.d.e'],
    ] as const) {
      const result = parse(list, ['a', path]);
      expect(result.success, path).toBe(false);
      const issue = result.error?.issues[0];
      expect(issue?.path, path).toEqual([]);
      expect(issue?.message, path).toContain('cannot expand more than 4 levels');
      expect(issue?.message, path).toContain(`'${path}'`);
    }
  });
});

describe("the platform and component API routes' expand parameter", () => {
  /** The problems parsing `params` finds with a parameter (or finds it unknown). */
  const problemsWith = (schema: z.core.$ZodType, name: string, value: unknown) => {
    const result = z.safeParse(schema, { [name]: value });
    return (result.error?.issues ?? []).filter(
      (issue) => issue.path[0] === name || (issue.code === 'unrecognized_keys' && issue.keys.includes(name)),
    );
  };

  it('allows four levels on every route that takes expand, after data. on the lists', () => {
    const routes = platformRoutes.filter((route) => problemsWith(route.params, 'expand', ['a']).length === 0);
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      const list = problemsWith(route.params, 'limit', 1).length === 0;
      expect(problemsWith(route.params, 'expand', [list ? 'data.a.b.c.d' : 'a.b.c.d']), name).toEqual([]);
      const tooDeep = problemsWith(route.params, 'expand', [list ? 'data.a.b.c.d.e' : 'a.b.c.d.e']);
      expect(tooDeep.map((issue) => issue.message).join(), name).toContain('cannot expand more than 4 levels');
    }
  });

  it('allows the component API no more: four levels, 20 paths, after data. on the persons list', () => {
    const routes = embeddedRoutes.filter((route) => problemsWith(route.params, 'expand', ['a']).length === 0);
    expect(routes.map((route) => `${route.method} ${route.path}`)).toEqual(
      expect.arrayContaining(['get /account', 'get /persons', 'get /persons/:id']),
    );
    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      const list = route.path === '/persons' && route.method === 'get';
      expect(problemsWith(route.params, 'expand', [list ? 'data.a.b.c.d' : 'a.b.c.d']), name).toEqual([]);
      const tooDeep = problemsWith(route.params, 'expand', [list ? 'data.a.b.c.d.e' : 'a.b.c.d.e']);
      expect(tooDeep.map((issue) => issue.message).join(), name).toContain('cannot expand more than 4 levels');
      expect(
        problemsWith(
          route.params,
          'expand',
          Array.from({ length: 21 }, () => 'a'),
        ),
        name,
      ).not.toEqual([]);
    }
  });
});
