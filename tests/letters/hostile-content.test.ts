import { describe, expect, it } from 'vitest';
import type { Lang } from '@/lib/i18n';
import { SHIPPED_TEMPLATES } from '@/lib/letters/catalog';
import { paragraphsToHtml } from '@/lib/letters/render';
import type { Complaint } from '@/lib/register/schema';
import { render, rendered, SAMPLE_INPUTS, SETTINGS, sampleComplaint, withDecision, withExtension } from './sample';

const NAME = '<img src=x onerror=alert(1)>';
const REASONS = 'Refusé.\n<script>alert("reasons")</script>\n& voilà';
const SUBJECT = 'Colis <b>cassé</b> & "abîmé"';

/** Hostile text everywhere the email reaches, including the reason of an extension (the extension letter). */
function hostile(outcome: NonNullable<Complaint['decision']['outcome']>): Complaint {
  const c = withExtension(sampleComplaint());
  return withDecision(
    { ...c, subject: SUBJECT, customer: { ...c.customer, name: NAME } },
    { outcome, reasons: REASONS, causes: '<iframe src="https://evil.example">', correctiveActions: '</p><p>x' },
  );
}

/** Reads the HTML back as a browser would and returns the elements it holds and its text with line breaks. */
function parse(html: string) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const tags = [...doc.body.querySelectorAll('*')].map((el) => el.tagName.toLowerCase());
  const text = [...doc.body.querySelectorAll('p')]
    .map((p) =>
      p.innerHTML
        .split('<br>\n')
        .map((line) => {
          const span = doc.createElement('span');
          span.innerHTML = line;
          return span.textContent;
        })
        .join('\n'),
    )
    .join('\n\n');
  return { tags, text };
}

describe('content from an email in a letter', () => {
  for (const lang of ['fr', 'en'] as Lang[]) {
    for (const meta of SHIPPED_TEMPLATES) {
      it(`stays text in « ${meta.id} » (${lang}): escaped in the HTML, as typed in the text`, async () => {
        const letter = await rendered(meta.id, hostile(meta.outcomes?.[0] ?? 'favourable'), lang);
        expect(letter.text).toContain(NAME);
        expect(letter.html).not.toMatch(/<(?!\/?p>|br>)/);
        expect(letter.html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
        const { tags, text } = parse(letter.html);
        expect(new Set(tags)).toEqual(new Set(['p', 'br']));
        expect(text).toBe(letter.text);
      });
    }
  }

  it('keeps a script in the reasons as visible text, with its line breaks', async () => {
    const letter = await rendered('reponse-defavorable', hostile('unfavourable'), 'fr');
    expect(letter.text).toContain('Refusé.\n<script>alert("reasons")</script>\n& voilà');
    expect(letter.html).toContain(
      '<p>Refusé.<br>\n&lt;script&gt;alert(&quot;reasons&quot;)&lt;&#x2F;script&gt;<br>\n&amp; voilà</p>',
    );
    expect(letter.html).toContain('concernant « Colis &lt;b&gt;cassé&lt;&#x2F;b&gt; &amp; &quot;abîmé&quot; »');
  });

  it('escapes the template’s own text too, so an edited template cannot add markup', async () => {
    const meta = SHIPPED_TEMPLATES.find((m) => m.id === 'accuse-reception')!;
    const source = `<b>Bonjour</b> {{customer.name}}\n${meta.variables.map((v) => `{{${v.name}}}`).join(' ')}`;
    const letter = await rendered('accuse-reception', sampleComplaint(), 'fr', { override: { source, version: 2 } });
    expect(letter.html.startsWith('<p>&lt;b&gt;Bonjour&lt;&#x2F;b&gt; Claire Martin<br>')).toBe(true);
  });

  it('refuses an edited template that asks for unescaped output', async () => {
    const result = await render('accuse-reception', hostile('favourable'), 'fr', {
      override: { source: '{{{customer.name}}} {{& subject}}', version: 2 },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.filter((p) => p.startsWith('Les triples accolades'))).toHaveLength(2);
  });

  it('settings are escaped like everything else', async () => {
    const settings = { ...SETTINGS, signature: { name: '<u>Julie</u>', title: '' } };
    const letter = await rendered('accuse-reception', sampleComplaint(), 'fr', { settings, inputs: SAMPLE_INPUTS });
    expect(letter.html).toContain('&lt;u&gt;Julie&lt;&#x2F;u&gt;');
  });

  it('turns paragraphs into <p> and single line breaks into <br>', () => {
    expect(paragraphsToHtml('Madame, Monsieur,\n\nLigne 1\nLigne 2')).toBe(
      '<p>Madame, Monsieur,</p>\n<p>Ligne 1<br>\nLigne 2</p>',
    );
  });
});
