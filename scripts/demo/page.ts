// The demo mailbox's document: Gmail-like chrome (static, no data), the mailbox as JSON, and the page script
// (app.ts, bundled with esbuild at start-up). Served with a policy close to Gmail's: only this exact script
// runs (by hash), Trusted Types are required, nothing is loaded from anywhere.
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Mailbox } from './model';
import { DEMO_CSS } from './styles';

const HERE = dirname(fileURLToPath(import.meta.url));

const ICON = (d: string) => `<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="${d}"/></svg>`;
const MENU = ICON('M3 18h18v-2H3v2zm0-5h18v-2H3v2zm0-7v2h18V6H3z');
const SEARCH = ICON(
  'M15.5 14h-.79l-.28-.27A6.471 6.471 0 0 0 16 9.5 6.5 6.5 0 1 0 9.5 16c1.61 0 3.09-.59 4.23-1.57l.27.28v.79l5 4.99L20.49 19l-4.99-5zm-6 0C7.01 14 5 11.99 5 9.5S7.01 5 9.5 5 14 7.01 14 9.5 11.99 14 9.5 14z',
);
const EDIT = ICON(
  'M3 17.25V21h3.75L17.81 9.94l-3.75-3.75L3 17.25zM20.71 7.04a.996.996 0 0 0 0-1.41l-2.34-2.34a.996.996 0 0 0-1.41 0l-1.83 1.83 3.75 3.75 1.83-1.83z',
);
const INBOX = ICON(
  'M19 3H4.99C3.88 3 3 3.9 3 5l.01 14c0 1.1.88 2 1.99 2H19c1.1 0 2-.9 2-2V5a2 2 0 0 0-2-2zm0 12h-4c0 1.66-1.35 3-3 3s-3-1.34-3-3H4.99V5H19v10z',
);
const STAR = ICON(
  'M22 9.24l-7.19-.62L12 2 9.19 8.63 2 9.24l5.46 4.73L5.82 21 12 17.27 18.18 21l-1.63-7.03L22 9.24zM12 15.4l-3.76 2.27 1-4.28-3.32-2.88 4.38-.38L12 6.1l1.71 4.04 4.38.38-3.32 2.88 1 4.28L12 15.4z',
);
const SEND = ICON('M2.01 21L23 12 2.01 3 2 10l15 2-15 2z');
const DRAFT = ICON(
  'M14 2H6c-1.1 0-1.99.9-1.99 2L4 20c0 1.1.89 2 1.99 2H18c1.1 0 2-.9 2-2V8l-6-6zm2 16H8v-2h8v2zm0-4H8v-2h8v2zm-3-5V3.5L18.5 9H13z',
);
// A plain envelope in four colours: a nod to the webmail, not its logo.
const LOGO =
  '<svg viewBox="0 0 36 28" aria-hidden="true"><rect x="1" y="3" width="34" height="23" rx="3" fill="#fff" stroke="#c5221f" stroke-width="2"/><path d="M2 5l16 12L34 5" fill="none" stroke="#ea4335" stroke-width="3"/><path d="M2 8v17" stroke="#4285f4" stroke-width="3"/><path d="M34 8v17" stroke="#34a853" stroke-width="3"/><path d="M2 5l4 3" stroke="#fbbc04" stroke-width="3"/></svg>';

/** The page without its data and script: header, labels, and the empty [role=main] the script fills. */
export function demoShellHtml(agent: { name: string; email: string }): string {
  const nav = (icon: string, label: string, extra = '') =>
    `<div class="dm-nav-item" role="link" tabindex="0">${icon}<span>${label}</span>${extra}</div>`;
  return `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Boîte de réception - ${agent.email} - Gmail</title>
<style>${DEMO_CSS}</style></head>
<body>
<div class="dm-banner" role="note">Boîte de démonstration hors ligne : Maison Lumen et ses clients sont fictifs, aucun e-mail réel, rien ne quitte cet ordinateur.</div>
<header class="dm-header">
 <div class="dm-burger">${MENU}</div>
 <div class="dm-logo">${LOGO}<span>Gmail</span></div>
 <div class="dm-search" role="search">${SEARCH}<input type="text" aria-label="Rechercher dans les messages" placeholder="Rechercher dans les messages"></div>
 <div class="dm-account" title="${agent.name} (${agent.email})">S</div>
</header>
<div class="dm-body">
 <nav class="dm-nav" aria-label="Libellés">
  <div class="dm-compose-button" role="button" tabindex="0">${EDIT}<span>Nouveau message</span></div>
  <a class="dm-nav-item dm-active" href="#inbox">${INBOX}<span>Boîte de réception</span><span id="dm-unread" class="dm-nav-count"></span></a>
  ${nav(STAR, 'Messages suivis')}
  ${nav(SEND, 'Messages envoyés')}
  ${nav(DRAFT, 'Brouillons')}
 </nav>
 <div class="bGI nH oy8Mbf S4 dm-main" role="main"></div>
</div>
</body></html>`;
}

/** JSON that can sit inside <script> without ever closing it. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The whole document: shell, mailbox data and the page script. */
export function renderDemoPage(mailbox: Mailbox, script: string): string {
  const tail = `<script type="application/json" id="dm-data">${scriptSafeJson(mailbox)}</script>\n<script>${script}</script>\n</body>`;
  return demoShellHtml(mailbox.agent).replace('</body>', tail);
}

/** The page script: app.ts and its imports in one classic script. */
export async function buildPageScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(HERE, 'page-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    charset: 'utf8',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  // A literal "</script" inside the code would end the element early.
  return code.replace(/<\/script/gi, '<\\/script');
}

/** Gmail-like policy: this script only (by hash), Trusted Types required, no network at all. */
export function demoPolicy(script: string): string {
  const hash = createHash('sha256').update(script, 'utf8').digest('base64');
  return [
    "default-src 'none'",
    `script-src 'sha256-${hash}'`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "require-trusted-types-for 'script'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
