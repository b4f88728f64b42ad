// Issue 14 in plain Node: which origin a helpdesk runs on (what the options page accepts before asking the
// browser), and the register's source naming the system a complaint came from, old records still valid.
import { describe, expect, it } from 'vitest';
import { SourceSchema } from '../../lib/register/schema';
import { helpdeskOrigin, originPattern, patternOrigin } from '../../lib/webmail/helpdesk-origins';

describe('the origin a helpdesk is enabled for', () => {
  it('takes a Zendesk subdomain however the agent types it', () => {
    for (const input of ['acme', 'ACME.zendesk.com', 'https://acme.zendesk.com/agent/tickets/5', ' acme '])
      expect(helpdeskOrigin('zendesk', input), input).toBe('https://acme.zendesk.com');
  });

  it('refuses what is not one Zendesk subdomain', () => {
    for (const input of ['', '*', 'a.b', 'acme.zendesk.com.evil.test', '-acme', 'ac me'])
      expect(helpdeskOrigin('zendesk', input), input).toBeNull();
  });

  it('takes any https origin for a self-hosted FreeScout, and nothing wider', () => {
    expect(helpdeskOrigin('freescout', 'https://support.example.fr/mailbox/1')).toBe('https://support.example.fr');
    expect(helpdeskOrigin('freescout', 'support.example.fr:8443')).toBe('https://support.example.fr:8443');
    for (const input of [
      'http://support.example.fr',
      'https://*.example.fr',
      'https://user:pw@support.example.fr',
      'localhost',
      '',
    ])
      expect(helpdeskOrigin('freescout', input), input).toBeNull();
  });

  it('asks the browser for that origin alone', () => {
    expect(originPattern('https://acme.zendesk.com')).toBe('https://acme.zendesk.com/*');
    expect(patternOrigin('https://acme.zendesk.com/*')).toBe('https://acme.zendesk.com');
  });
});

describe('the register’s source', () => {
  it('records the helpdesk a complaint came from, with its ticket and a link back', () => {
    for (const webmail of ['zendesk', 'freescout'] as const) {
      const source = {
        webmail,
        messageId: `${webmail}:12:3`,
        threadId: `${webmail}:12`,
        url: 'https://acme.zendesk.com/agent/tickets/12',
      };
      expect(SourceSchema.parse(source)).toEqual(source);
    }
  });

  it('keeps every record written before issue 14 valid as it is (Gmail, Outlook, manual)', () => {
    for (const source of [
      {
        webmail: 'gmail',
        messageId: 'msg-f:1',
        threadId: 'thread-f:1',
        url: 'https://mail.google.com/mail/u/0/#inbox/1',
      },
      { webmail: 'outlook', threadId: 'AAQk' },
      { webmail: 'manual' },
    ])
      expect(SourceSchema.parse(source)).toEqual(source);
  });

  it('refuses an unknown system and a link that is not https', () => {
    expect(SourceSchema.safeParse({ webmail: 'freshdesk' }).success).toBe(false);
    expect(SourceSchema.safeParse({ webmail: 'freescout', url: 'javascript:alert(1)' }).success).toBe(false);
  });
});
