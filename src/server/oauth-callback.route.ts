import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError } from '../kernel/errors';
import type { Logger } from '../kernel/logger';
import type { GoogleConnections } from '../google/google-connections';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res: ServerResponse, status: number, title: string, body: string): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; line-height: 1.5">
<h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'referrer-policy': 'no-referrer',
  });
  res.end(html);
}

/** GET /oauth/google/callback?code&state (or ?error&state): where Google sends the admin back. */
export function googleCallbackRoute(google: GoogleConnections) {
  return async (req: IncomingMessage, res: ServerResponse, search: string, log: () => Logger): Promise<void> => {
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      return page(res, 405, 'Method not allowed', 'Google sends the authorization back with GET.');
    }
    const params = new URLSearchParams(search);
    const state = params.get('state');
    if (!state) return page(res, 400, 'Google was not connected', 'The callback carries no state. Start again from the gateway.');
    try {
      const connection = await google.completeAuthorization({ state, code: params.get('code'), error: params.get('error') }, null);
      const warning = connection.missingScopes.length ? ` Some permissions were not granted: ${connection.missingScopes.join(', ')}.` : '';
      return page(res, 200, 'Google is connected', `Google is connected for ${connection.tenant}; you can close this window.${warning}`);
    } catch (err) {
      if (err instanceof DomainError) {
        return page(res, 400, 'Google was not connected', `${err.message}.`.replace(/\.\.$/, '.'));
      }
      log().error({ err }, 'OAuth callback failed');
      return page(res, 500, 'Google was not connected', 'The gateway failed to finish the authorization. Try again.');
    }
  };
}
