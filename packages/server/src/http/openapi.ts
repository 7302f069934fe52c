import { z } from 'zod';
import type { Route } from './route';

type JsonSchema = Record<string, unknown>;

const errorSchema: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['type', 'message'],
      properties: {
        type: { type: 'string' },
        code: { type: 'string' },
        message: { type: 'string' },
        param: { type: 'string' },
        decline_code: { type: 'string' },
      },
    },
  },
};

function toSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  delete json.$schema;
  return json;
}

/** `/accounts/:id/persons/:person` → `/accounts/{id}/persons/{person}`. */
function openApiPath(prefix: string, path: string): string {
  return prefix + path.replace(/:([A-Za-z_]+)/g, '{$1}');
}

function operation(route: Route): JsonSchema {
  const schema = toSchema(route.params);
  const pathParams = [...route.path.matchAll(/:([A-Za-z_]+)/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema['required'] ?? []) as string[]);
  const queryParams =
    route.method === 'post'
      ? []
      : Object.entries(properties).map(([name, property]) => ({
          name,
          in: 'query',
          required: required.has(name),
          style: 'deepObject',
          explode: true,
          schema: property,
        }));
  return {
    summary: route.summary,
    ...(route.auth === 'embedded'
      ? {
          'x-atrium-components': route.components,
          ...(route.feature ? { 'x-atrium-feature': route.feature } : {}),
        }
      : {}),
    security: [route.auth === 'platform' ? { secretKey: [] } : { sessionToken: [] }],
    parameters: [...pathParams, ...queryParams],
    ...(route.method === 'post'
      ? {
          requestBody: {
            content: {
              'application/x-www-form-urlencoded': { schema },
              'application/json': { schema },
            },
          },
        }
      : {}),
    responses: {
      '200': { description: 'The object, or a list `{object: "list", data, has_more, url}`.' },
      default: { description: 'An error.', content: { 'application/json': { schema: errorSchema } } },
    },
  };
}

/** The OpenAPI 3.1 document, generated from the route tables and their zod schemas. */
export function openApiDocument(input: {
  version: string;
  platform: readonly Route[];
  embedded: readonly Route[];
}): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const add = (prefix: string, route: Route) => {
    const path = openApiPath(prefix, route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  };
  for (const route of input.platform) add('/v1', route);
  for (const route of input.embedded) add('/v1/embedded', route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Atrium API',
      version: input.version,
      description:
        'The platform API (`/v1/*`, secret key) is a Stripe-compatible subset; the component API (`/v1/embedded/*`) serves the embedded components with a session token.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        secretKey: { type: 'http', scheme: 'bearer', description: 'The platform secret key, sk_test_...' },
        sessionToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'An embedded session token, from POST /v1/embedded/session',
        },
      },
    },
    paths,
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** A plain, dependency-free HTML reference page rendered from the OpenAPI document. */
export function referencePage(document: JsonSchema): string {
  const paths = document['paths'] as Record<string, Record<string, JsonSchema>>;
  const sections = Object.entries(paths)
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const body = (op['requestBody'] as { content: Record<string, { schema: unknown }> } | undefined)?.content[
          'application/json'
        ]?.schema;
        const params = op['parameters'] as { name: string; in: string }[];
        return `<section><h2><code>${method.toUpperCase()} ${escapeHtml(path)}</code></h2>
<p>${escapeHtml(String(op['summary']))}</p>
${params.length ? `<p>Parameters: ${params.map((p) => `<code>${escapeHtml(p.name)}</code> (${p.in})`).join(', ')}</p>` : ''}
${body ? `<details><summary>Body schema</summary><pre>${escapeHtml(JSON.stringify(body, null, 2))}</pre></details>` : ''}
</section>`;
      }),
    )
    .join('\n');
  const info = document['info'] as { title: string; version: string; description: string };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(info.title)} reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
section{border-top:1px solid #d0d7de;padding:.5rem 0}h2{font-size:1rem}pre{background:#f6f8fa;padding:1rem;overflow:auto}</style>
</head><body><main><h1>${escapeHtml(info.title)} ${escapeHtml(info.version)}</h1><p>${escapeHtml(info.description)}</p>
<p>Machine-readable: <a href="/v1/openapi.json">/v1/openapi.json</a></p>${sections}</main></body></html>`;
}
