/**
 * What every read-only page of the HTTP server shares (/figures, /digest): the token and method
 * check, the HTML shell with its one style block, and the headers it is sent with. No page runs a
 * script or loads anything from another host: the Content-Security-Policy allows only the style
 * block, by its hash.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeUTF8 as html } from 'entities';
import { holdsToken } from '../../src/access-token.js';
import { httpUrl } from '../../src/cards/card-url.js';

const STYLE = `
body{font-family:"DejaVu Sans",system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff;line-height:1.45}
main{max-width:62rem;margin:0 auto;padding:1rem 1.25rem 3rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.25rem .5rem}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
a{color:#1a4f80}a:focus-visible{outline:3px solid #c0392b;outline-offset:2px}
[aria-current=page]{font-weight:bold;text-decoration:none;color:#1b1b1b}
figure{margin:1rem 0}svg{max-width:100%;height:auto}
table{border-collapse:collapse;width:100%}caption{text-align:left;font-weight:bold;padding:.5rem 0}
th,td{border-bottom:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
td ul{margin:0;padding-left:1rem}.num{text-align:right;white-space:nowrap}
ol.entries{padding-left:1.25rem}ol.entries li{margin:.4rem 0}.meta{color:#555}
`;

/** What each page is sent with: only its own style block applies; nothing loads from anywhere. */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export { html };

/** `inner` (already escaped) as a link when `url` is a web address; anything else a feed gave stays text. */
export function webLink(url: string | null, inner: string): string {
  const href = httpUrl(url);
  return href === null ? inner : `<a href="${html(href)}" rel="noopener noreferrer">${inner}</a>`;
}

/** A whole page: `body` is escaped HTML; `skipTo` adds a first "skip to" link for keyboard users. */
export function renderPage(page: {
  title: string;
  body: string;
  skipTo?: { id: string; label: string };
}): string {
  const skip = page.skipTo
    ? `<a class="skip" href="#${html(page.skipTo.id)}">${html(page.skipTo.label)}</a>\n`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${html(page.title)} · vigil</title>
<style>${STYLE}</style>
</head>
<body>
${skip}<main>
<h1>${html(page.title)}</h1>
${page.body}
</main>
</body>
</html>
`;
}

export function sendPlain(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  response.end(`${text}\n`);
}

/**
 * Answers (and returns false) unless the request is a GET or HEAD from a holder of `token`
 * (VIGIL_DASHBOARD_TOKEN: Bearer, or the Basic-auth password). `page` names it in the answers.
 */
export function admitted(
  request: IncomingMessage,
  response: ServerResponse,
  token: string,
  page: string,
): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendPlain(response, 405, `the ${page} page is read-only: GET it`, { allow: 'GET, HEAD' });
    return false;
  }
  if (!holdsToken(request.headers.authorization, token)) {
    sendPlain(
      response,
      401,
      `the ${page} page needs VIGIL_DASHBOARD_TOKEN (Bearer, or as the Basic password)`,
      {
        'www-authenticate': `Basic realm="vigil ${page}", charset="UTF-8"`,
      },
    );
    return false;
  }
  return true;
}

export function sendPage(request: IncomingMessage, response: ServerResponse, page: string): void {
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': PAGE_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  response.end(request.method === 'HEAD' ? undefined : page);
}
