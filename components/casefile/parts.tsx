// Building blocks of the case file: a titled section and a list of facts. Every value is rendered as text.
import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n';

interface SectionProps {
  id: string;
  title: string;
  children: ComponentChildren;
  /** Starts on a new page when printed (long sections). */
  pageBreak?: boolean;
}

export function Section({ id, title, children, pageBreak }: SectionProps) {
  return (
    <section
      class={`cf-section${pageBreak ? ' cf-section--break' : ''}`}
      aria-labelledby={`cf-${id}`}
      data-testid={`cf-${id}`}
    >
      <h2 id={`cf-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

export type Fact = readonly [label: string, value: ComponentChildren];

/** Label/value pairs; an empty value reads "Non renseigné" rather than leaving a hole. */
export function Facts({ facts }: { facts: readonly Fact[] }) {
  return (
    <dl class="cf-facts">
      {facts.map(([label, value]) => (
        <div key={label} class="cf-fact">
          <dt>{label}</dt>
          <dd>{value === '' || value === null || value === undefined ? <Missing /> : value}</dd>
        </div>
      ))}
    </dl>
  );
}

export const Missing = () => <span class="cf-missing">{t('casefile.none')}</span>;

/** A free text, line breaks kept. */
export const Prose = ({ text }: { text: string }) => (text ? <span class="cf-prose">{text}</span> : <Missing />);

export const yesNo = (v: boolean) => t(v ? 'casefile.yes' : 'casefile.no');
