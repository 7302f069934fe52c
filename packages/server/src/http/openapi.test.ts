import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../testing/server';
import type { TestServer } from '../testing/server';
import { platformRoutes } from '../routes/platform';

describe('the API reference', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves an OpenAPI 3.1 document with every platform route and its parameters', async () => {
    const document = (await (await fetch(`${server.baseUrl}/v1/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { properties: object } }> } }>
      >;
    };
    expect(document.openapi).toBe('3.1.0');
    for (const route of platformRoutes) {
      const path = `/v1${route.path.replace(/:([A-Za-z_]+)/g, '{$1}')}`;
      expect(document.paths[path]?.[route.method], `${route.method} ${path}`).toBeDefined();
    }
    const create = document.paths['/v1/webhook_endpoints']?.['post'];
    expect(Object.keys(create?.requestBody?.content['application/json']?.schema.properties ?? {})).toContain(
      'enabled_events',
    );
  });

  it('serves a browsable reference page', async () => {
    const page = await (await fetch(`${server.baseUrl}/docs/api`)).text();
    expect(page).toContain('POST /v1/webhook_endpoints');
  });
});
