// The shipped letter templates (text in templates/<lang>/*.mustache, metadata in templates/catalog.ts),
// the ones that fit a phase, and the agent-edited copies that may replace them.

import { TEMPLATE_METAS } from '../../templates/catalog';
import enAck from '../../templates/en/accuse-reception.mustache?raw';
import enClosure from '../../templates/en/cloture-suivi.mustache?raw';
import enInfo from '../../templates/en/demande-informations.mustache?raw';
import enMediation from '../../templates/en/information-mediation.mustache?raw';
import enMediator from '../../templates/en/mediateur.mustache?raw';
import enExtension from '../../templates/en/prolongation-delai.mustache?raw';
import enUnfavourable from '../../templates/en/reponse-defavorable.mustache?raw';
import enFavourable from '../../templates/en/reponse-favorable.mustache?raw';
import enNonConformity from '../../templates/en/reponse-non-conformite.mustache?raw';
import frAck from '../../templates/fr/accuse-reception.mustache?raw';
import frClosure from '../../templates/fr/cloture-suivi.mustache?raw';
import frInfo from '../../templates/fr/demande-informations.mustache?raw';
import frMediation from '../../templates/fr/information-mediation.mustache?raw';
import frMediator from '../../templates/fr/mediateur.mustache?raw';
import frExtension from '../../templates/fr/prolongation-delai.mustache?raw';
import frUnfavourable from '../../templates/fr/reponse-defavorable.mustache?raw';
import frFavourable from '../../templates/fr/reponse-favorable.mustache?raw';
import frNonConformity from '../../templates/fr/reponse-non-conformite.mustache?raw';
import type { Lang } from '../i18n';
import type { OUTCOMES, Phase } from '../register/schema';
import { STEPS_BY_PHASE, type TemplateId, type TemplateMeta, type TemplateOverrides } from './meta';

export const SHIPPED_SOURCES: Readonly<Record<Lang, Readonly<Record<TemplateId, string>>>> = {
  fr: {
    'accuse-reception': frAck,
    'demande-informations': frInfo,
    'prolongation-delai': frExtension,
    'reponse-favorable': frFavourable,
    'reponse-defavorable': frUnfavourable,
    'reponse-non-conformite': frNonConformity,
    'information-mediation': frMediation,
    'cloture-suivi': frClosure,
  },
  en: {
    'accuse-reception': enAck,
    'demande-informations': enInfo,
    'prolongation-delai': enExtension,
    'reponse-favorable': enFavourable,
    'reponse-defavorable': enUnfavourable,
    'reponse-non-conformite': enNonConformity,
    'information-mediation': enMediation,
    'cloture-suivi': enClosure,
  },
};

/** The mediator block, `{{> mediateur}}`: always supplied by the renderer, never by an edited template. */
export const MEDIATOR_PARTIAL: Readonly<Record<Lang, string>> = { fr: frMediator, en: enMediator };
export const MEDIATOR_PARTIAL_NAME = 'mediateur';

type Outcome = (typeof OUTCOMES)[number];

export const SHIPPED_TEMPLATES: readonly TemplateMeta[] = TEMPLATE_METAS;

export function templateMeta(id: string): TemplateMeta | undefined {
  return SHIPPED_TEMPLATES.find((m) => m.id === id);
}

/** The letters that fit a complaint in `phase`, in the order of the process; given its decision, only the
 *  letters written for that decision. */
export function templatesFor(phase: Phase, outcome?: Outcome | null): TemplateMeta[] {
  const steps = STEPS_BY_PHASE[phase];
  return SHIPPED_TEMPLATES.filter(
    (m) => steps.includes(m.phase) && (!outcome || !m.outcomes || m.outcomes.includes(outcome)),
  );
}

export interface ResolvedTemplate {
  meta: TemplateMeta;
  source: string;
  version: number;
  /** True when an agent-edited copy replaces the shipped text. */
  edited: boolean;
}

/** The text to use for `id` in `lang`: the agent's edited copy for that language if any, else the shipped one. */
export function resolveTemplate(
  id: string,
  lang: Lang,
  overrides: TemplateOverrides = {},
): ResolvedTemplate | undefined {
  const meta = templateMeta(id);
  if (!meta) return undefined;
  const override = overrides[meta.id]?.[lang];
  if (override) {
    return { meta, source: override.source, version: override.version, edited: true };
  }
  return { meta, source: SHIPPED_SOURCES[lang][meta.id], version: meta.version, edited: false };
}
