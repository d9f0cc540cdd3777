import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The web chat's single page: HTML with its CSS and script inlined, and a Content-Security-Policy
 * that allows exactly those two inline blocks (by hash) and requests to this server — no external
 * resources, and injected markup could not run script even if a textContent slipped.
 */
export const webChatPage = buildPage(
  readFileSync(new URL('./web-chat.css', import.meta.url), 'utf8'),
  readFileSync(new URL('./web-chat-client.js', import.meta.url), 'utf8'),
);

function buildPage(style: string, script: string): { html: string; contentSecurityPolicy: string } {
  if (/<\/(script|style)/i.test(style + script)) throw new Error('web chat assets must not close their own tag');
  const contentSecurityPolicy = [
    "default-src 'none'",
    `script-src '${sha256(script)}'`,
    `style-src '${sha256(style)}'`,
    "connect-src 'self'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html: pageHtml(style, script), contentSecurityPolicy };
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

function pageHtml(style: string, script: string): string {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Payung — simulator chat</title>
<link rel="icon" href="data:,">
<style>${style}</style>
</head>
<body>
<div class="phone">
  <header>
    <div class="who">
      <h1>Payung — simulator chat</h1>
      <div class="contact" id="contact-id"></div>
    </div>
    <button type="button" id="new-contact" title="Mulai sebagai pedagang baru">Kontak baru</button>
  </header>
  <main id="log" aria-live="polite" aria-label="Percakapan"></main>
  <div id="status" role="status" hidden></div>
  <div class="media" aria-label="Kirim selain teks">
    <button type="button" data-kind="sticker">Stiker</button>
    <button type="button" data-kind="image">Foto</button>
    <button type="button" data-kind="voice">Pesan suara</button>
    <button type="button" data-kind="location">Lokasi</button>
  </div>
  <form id="composer">
    <textarea id="text" rows="1" maxlength="10000" placeholder="Tulis pesan…" aria-label="Pesan" autocomplete="off"></textarea>
    <button type="submit">Kirim</button>
  </form>
</div>
<script>${script}</script>
</body>
</html>
`;
}
