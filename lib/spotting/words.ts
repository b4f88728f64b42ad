// The model's part of the explanation, worded for the agent: "mots qui ont pesé : « reçu », « tjrs rien »".
// Shared by the webmail tooltip (background) and the new-complaint form (side panel); it reads no weights.
import { type Lang, t } from '../i18n';

export function weighingWords(fragments: readonly { readonly text: string }[], lang?: Lang): string {
  const words = fragments.map((f) => t('spotting.model.word', { word: f.text }, lang)).join(', ');
  return t('spotting.model.fragments', { words }, lang);
}
