import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SettingsForm, toForm, validateSettings } from '@/components/options/form';
import { RetentionSection } from '@/components/options/GeneralSection';
import { setLang } from '@/lib/i18n';
import { DEFAULT_SETTINGS, SettingsSchema } from '@/lib/settings/schema';

beforeEach(() => setLang('fr'));
afterEach(cleanup);

describe('the retention settings', () => {
  it('still reads settings saved before the retention rules changed, with the new defaults', () => {
    const saved = { version: 1, lang: 'fr', agentName: 'Julie', retentionYears: 6, ownDomains: [] };
    const settings = SettingsSchema.parse(saved);
    expect(settings).toMatchObject({ retentionYears: 6, retentionNotComplaintYears: 1, retentionReason: '' });
    expect(DEFAULT_SETTINGS).toMatchObject({ retentionYears: 5, retentionNotComplaintYears: 1 });
  });

  it('refuses a period above 10 years without a written reason, in French', () => {
    const result = SettingsSchema.safeParse({ retentionYears: 12 });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['retentionReason'],
        message:
          'Au-delà de 10 ans, indiquez par écrit pourquoi une conservation aussi longue est nécessaire (RGPD, art. 5-1-e).',
      }),
    ]);
    expect(SettingsSchema.safeParse({ retentionNotComplaintYears: 11, retentionReason: '  ' }).success).toBe(false);
    expect(SettingsSchema.safeParse({ retentionYears: 10 }).success).toBe(true);
  });

  it('accepts it with the reason, and keeps the reason in the settings', () => {
    const reason = 'Contentieux en cours avec un transporteur : pièces à conserver jusqu’au jugement.';
    const settings = SettingsSchema.parse({ retentionYears: 12, retentionReason: reason });
    expect(settings).toMatchObject({ retentionYears: 12, retentionReason: reason });
  });
});

describe('the retention section of the options page', () => {
  function Harness({ initial }: { initial: SettingsForm }) {
    return <RetentionSection form={initial} errors={validateSettings(initial).errors} onChange={() => {}} />;
  }

  it('asks for the reason only once a period passes 10 years, and shows the refusal next to it', () => {
    const form = toForm(DEFAULT_SETTINGS);
    const { rerender } = render(<Harness initial={form} />);
    expect(screen.queryByTestId('retention-reason')).toBeNull();
    expect((screen.getByTestId('retention-not-complaint-years') as HTMLInputElement).value).toBe('1');

    const long = { ...form, retentionYears: '15' };
    rerender(<Harness initial={long} />);
    const reason = screen.getByLabelText('Motif d’une durée supérieure à 10 ans');
    expect(reason).toBe(screen.getByTestId('retention-reason'));
    expect(screen.getByText(/^Au-delà de 10 ans, indiquez par écrit/)).toBeTruthy();

    rerender(<Harness initial={{ ...long, retentionReason: 'Contentieux en cours' }} />);
    expect(screen.queryByText(/^Au-delà de 10 ans, indiquez par écrit/)).toBeNull();
    expect(validateSettings({ ...long, retentionReason: 'Contentieux en cours' }).settings?.retentionReason).toBe(
      'Contentieux en cours',
    );
  });

  it('passes what the agent types to the form', () => {
    const changes: Partial<SettingsForm>[] = [];
    render(<RetentionSection form={toForm(DEFAULT_SETTINGS)} errors={{}} onChange={(p) => changes.push(p)} />);
    fireEvent.input(screen.getByTestId('retention-not-complaint-years'), { target: { value: '2' } });
    expect(changes).toEqual([{ retentionNotComplaintYears: '2' }]);
  });
});
