import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import compression from 'compression';
import express from 'express';
import type { Express } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context';
import { openAccountLink, renewHostedSecret } from '../services/account-links';
import { ApiError } from './errors';
import { parseBody } from './body';
import { parseParams } from './validate';

const PLACEHOLDER = '<!--atrium-bootstrap-->';

/** Hosted pages run only Atrium's own scripts and talk only to this server. */
const HOSTED_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** JSON that is safe inside a `<script>` element: no `<` that could close it. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function notice(title: string, text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body style="font:16px system-ui,sans-serif;max-width:36rem;margin:4rem auto"><main><h1>${title}</h1><p>${text}</p></main></body></html>`;
}

/**
 * The pages behind account links: `/connect/link/:token` opens a link once and serves the hosted
 * page with its bootstrap (client secret, page type, return URL); `/connect/hosted/secret` renews
 * the page's client secret when its session expires.
 */
export function mountHostedPages(app: Express, context: AppContext, hostedDir: string): void {
  // The bundles are text: gzip cuts what a seller downloads about four times. API answers are
  // left as they are (small, and compressing costs every request CPU).
  app.use(
    '/connect/assets',
    compression(),
    express.static(join(hostedDir, 'assets'), { maxAge: '1h', fallthrough: false }),
  );

  app.get('/connect/link/:token', async (req, res) => {
    const token = req.params.token;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    // Links are single use: a HEAD request (a mail scanner or a chat app checking the link) must
    // not spend the link before the seller opens it.
    if (req.method === 'HEAD') {
      res.status(200).type('html').end();
      return;
    }
    let opened: Awaited<ReturnType<typeof openAccountLink>>;
    try {
      opened = /^[A-Za-z0-9]{40}$/.test(token)
        ? await context.db.transaction('read committed', (tx) =>
            openAccountLink(tx, token, context.settings.accountSessionTtlSeconds),
          )
        : { ok: false as const, refreshUrl: undefined };
    } catch (error) {
      // The account was rejected or deleted after the link was made: no session can open for it.
      const code = error instanceof ApiError ? error.details.code : undefined;
      if (code !== 'account_invalid' && code !== 'resource_missing') throw error;
      res
        .status(403)
        .type('html')
        .send(notice('Account closed', 'This account can no longer be set up here. Contact the platform.'));
      return;
    }
    if (!opened.ok) {
      if (opened.refreshUrl) {
        res.redirect(302, opened.refreshUrl);
        return;
      }
      res
        .status(404)
        .type('html')
        .send(notice('Link not found', 'This link is not valid. Ask the platform for a new one.'));
      return;
    }
    const template = await readFile(join(hostedDir, 'index.html'), 'utf8').catch(() => undefined);
    if (template === undefined) {
      res
        .status(503)
        .type('html')
        .send(
          notice(
            'Not available',
            'The hosted pages of this Atrium server have not been built (npm start builds them).',
          ),
        );
      return;
    }
    const { page } = opened;
    const bootstrap = {
      type: page.type,
      clientSecret: page.clientSecret,
      nonce: page.nonce,
      returnUrl: page.returnUrl,
      refreshUrl: page.refreshUrl,
      collectionOptions: page.collectionOptions,
    };
    res.setHeader('Content-Security-Policy', HOSTED_CSP);
    res
      .type('html')
      .send(
        template.replace(
          PLACEHOLDER,
          `<script id="atrium-hosted" type="application/json">${scriptJson(bootstrap)}</script>`,
        ),
      );
  });

  app.post('/connect/hosted/secret', parseBody, async (req, res) => {
    const { nonce } = parseParams(z.strictObject({ nonce: z.string().regex(/^[A-Za-z0-9]{40}$/) }), req.body);
    const secret = await context.db.transaction('read committed', (tx) =>
      renewHostedSecret(tx, nonce, context.settings.accountSessionTtlSeconds),
    );
    if (!secret) {
      throw new ApiError(401, 'authentication_error', 'This page has expired; open a new link.', {
        code: 'hosted_page_expired',
      });
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json({ client_secret: secret });
  });
}
