// Which origin a helpdesk adapter runs on. Webmails have fixed hosts in the manifest; a helpdesk lives on the
// agent's own origin (a Zendesk subdomain, any self-hosted FreeScout), entered in the options and granted by
// the browser at run time for that origin alone. Pure: the options page and its tests share it.

export const HELPDESK_SYSTEMS = ['freescout', 'zendesk'] as const;
export type HelpdeskSystem = (typeof HELPDESK_SYSTEMS)[number];

const ZENDESK_SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** "acme", "acme.zendesk.com", "https://acme.zendesk.com/agent/tickets/5" → "https://acme.zendesk.com". */
function zendeskOrigin(input: string): string | null {
  const host = input
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .split(/[/?#]/)[0]
    ?.replace(/\.zendesk\.com$/, '');
  return host && ZENDESK_SUBDOMAIN.test(host) ? `https://${host}.zendesk.com` : null;
}

/** An https origin with a real host name (no credentials, no wildcard): "https://support.example.fr[:8443]". */
function freescoutOrigin(input: string): string | null {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || !url.hostname.includes('.')) return null;
  if (url.hostname.includes('*')) return null;
  return url.origin;
}

/** The origin the agent means, or null when the input is not one this helpdesk can run on. */
export function helpdeskOrigin(system: HelpdeskSystem, input: string): string | null {
  return system === 'zendesk' ? zendeskOrigin(input) : freescoutOrigin(input);
}

/** The match pattern the browser grants and the content script is registered for. */
export const originPattern = (origin: string): string => `${origin}/*`;

/** Back from a pattern to its origin ("https://a.zendesk.com/*" → "https://a.zendesk.com"). */
export const patternOrigin = (pattern: string): string => pattern.replace(/\/\*$/, '');
