// For a manager of a team register: whether the toolbar badge counts their own complaints or the whole
// team's (issue 13). Dumb: the choice comes in and goes out.

import type { BadgeScope } from '@/lib/extension/badge-scope';
import { t } from '@/lib/i18n';

interface Props {
  scope: BadgeScope;
  onChange: (scope: BadgeScope) => void;
}

export function BadgeScopeSection({ scope, onChange }: Props) {
  return (
    <fieldset class="options__section" data-testid="badge-scope">
      <legend>{t('badge.scope.label')}</legend>
      <p class="options__help">{t('badge.scope.hint')}</p>
      {(['mine', 'team'] as const).map((value) => (
        <label key={value}>
          <input
            type="radio"
            name="badge-scope"
            value={value}
            checked={scope === value}
            onChange={() => onChange(value)}
          />{' '}
          {t(`badge.scope.${value}`)}
        </label>
      ))}
    </fieldset>
  );
}
