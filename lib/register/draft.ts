// A complaint the agent is about to log, prefilled from a webmail message. It travels from the content
// script to the side panel, so it is validated there like any message.
import { z } from 'zod';
import { ChannelSchema, CIVILITIES, SourceSchema } from './schema';

export const CueSchema = z.object({ id: z.string(), label: z.string(), weight: z.number(), excerpt: z.string() });

export const DraftSchema = z.object({
  receivedAt: z.string().optional(),
  channel: ChannelSchema.default('email'),
  source: SourceSchema.default({ webmail: 'manual' }),
  customer: z
    .object({
      // A sender's display name does not say how to address them: the agent chooses.
      civility: z.enum(CIVILITIES).default('none'),
      name: z.string().max(200).default(''),
      email: z.string().max(320).default(''),
    })
    .default({ civility: 'none', name: '', email: '' }),
  subject: z.string().max(500).default(''),
  excerpt: z.string().max(20000).default(''),
  spot: z
    .object({
      likely: z.boolean(),
      score: z.number(),
      cues: z.array(CueSchema).max(50),
      /** The model's weighing words (issue 15); absent in drafts made before them. */
      fragments: z
        .array(z.object({ text: z.string().max(200), weight: z.number() }))
        .max(5)
        .optional(),
    })
    .optional(),
  /** A helpdesk read through its API or from the page: the panel's diagnostic (not stored in the register). */
  readVia: z.enum(['api', 'dom']).optional(),
});
export type Draft = z.infer<typeof DraftSchema>;
