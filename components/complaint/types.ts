import type { LetterExtras } from '@/lib/extension/pages/insert-letter';
import type { TemplateOverrides } from '@/lib/letters/meta';
import type { RenderedLetter } from '@/lib/letters/render';
import type { ErrorPayload } from '@/lib/protocol/messages';
import type { Complaint, ComplaintPatch, Phase } from '@/lib/register/schema';
import type { Settings } from '@/lib/settings/schema';

/** What the complaint view can ask for; every change goes through the background. */
export interface ComplaintActions {
  patch(patch: ComplaintPatch): Promise<ErrorPayload | undefined>;
  transition(to: Phase, at?: string): Promise<ErrorPayload | undefined>;
  extend(
    clock: 'ack' | 'answer',
    ext: { newDueAt: string; reason: string; customerToldAt: string },
  ): Promise<ErrorPayload | undefined>;
  note(text: string): Promise<ErrorPayload | undefined>;
  /** Anonymises the complaint (customer's erasure request, or end of its retention period). */
  anonymize(reason: 'request' | 'retention'): Promise<ErrorPayload | undefined>;
  /** Puts the letter in the webmail reply (or on the clipboard) and records it, as sent, in the register. */
  insertLetter(letter: RenderedLetter, extras: LetterExtras): Promise<{ ok: boolean; message: string }>;
  open(id: string): void;
}

export interface StepProps {
  complaint: Complaint;
  settings: Settings;
  overrides: TemplateOverrides;
  now: Date;
  actions: ComplaintActions;
}
