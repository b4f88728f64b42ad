// The backup file, defined once. `BackupSchema` is the whole document; the streaming reader and the restore
// messages parse its parts with the schemas it is built from, so there is one definition of each shape.
//
// Layout on disk (still one JSON document): the first line holds every section but the complaints and
// opens the complaints array; then one complaint with its history per line; the last line closes both.
// A reader can therefore take a very large file line by line, while any JSON tool still reads it whole.
import { z } from 'zod';
import { TemplateOverridesSchema } from '../letters/meta';
import { HistoryEventSchema } from '../register/history';
import { ComplaintSchema, isoInstant } from '../register/schema';
import { SettingsSchema } from '../settings/schema';

export const BACKUP_FORMAT = 'registre-reclamations/backup';
export const BACKUP_VERSION = 1;

const count = z.number().int().min(0);

export const BackupCountsSchema = z.object({
  complaints: count,
  historyEvents: count,
  quarantine: count,
});
export type BackupCounts = z.infer<typeof BackupCountsSchema>;

/** Highest reference number handed out per year (`meta` keys `refCounter:YYYY`). */
export const ReferenceCountersSchema = z.record(z.string().regex(/^\d{4}$/), z.number().int().min(0));
export type ReferenceCounters = z.infer<typeof ReferenceCountersSchema>;

/** A record that did not parse, kept raw with what was wrong (lib/register/quarantine.ts). */
export const QuarantinedRecordSchema = z.object({
  key: z.string().min(1).max(500),
  store: z.enum(['complaints', 'history', 'meta']),
  raw: z.unknown(),
  issues: z.string().max(20_000),
  at: z.string().max(40),
});

/** One complaint with its whole history, in seq order, as stored (hashes, salts, digests, redactions). */
export const BackupEntrySchema = z
  .object({ complaint: ComplaintSchema, history: z.array(HistoryEventSchema).min(1).max(10_000) })
  .refine((e) => e.history.every((h) => h.complaintId === e.complaint.id), {
    message: 'data.restore.issue.foreignEvent',
    path: ['history'],
  });
export type BackupEntry = z.infer<typeof BackupEntrySchema>;

/** Everything but the complaints: the first line of the file. */
export const BackupHeadSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: isoInstant,
  counts: BackupCountsSchema,
  /** As stored; null when the agent never saved settings (or they were unreadable: see quarantine). */
  settings: SettingsSchema.nullable(),
  templateOverrides: TemplateOverridesSchema.nullable(),
  referenceCounters: ReferenceCountersSchema,
  quarantine: z.array(QuarantinedRecordSchema),
});
export type BackupHead = z.infer<typeof BackupHeadSchema>;

export const BackupSchema = BackupHeadSchema.extend({ complaints: z.array(BackupEntrySchema) });
export type Backup = z.infer<typeof BackupSchema>;

/** The first line ends by opening the complaints array; the last line closes it and the document. */
export const COMPLAINTS_OPEN = '"complaints":[';
export const FILE_CLOSE = ']}';

/** Complaints per restore message: one transaction each in the background. */
export const RESTORE_BATCH = 1_000;
/**
 * Complaint lines as the file holds them. The background parses each against BackupEntrySchema: a string
 * crosses the message channel far faster than the tree of objects it encodes, and is parsed once, there.
 */
export const RestoreBatchSchema = z
  .array(z.string().min(2).max(50_000_000))
  .min(1)
  .max(2 * RESTORE_BATCH);

/** What the background restores once every complaint is in: settings and edited letters only if the agent asked. */
export const RestoreMetaSchema = z.object({
  referenceCounters: ReferenceCountersSchema,
  quarantine: z.array(QuarantinedRecordSchema).max(1_000_000),
  settings: SettingsSchema.optional(),
  templateOverrides: TemplateOverridesSchema.optional(),
});
export type RestoreMeta = z.infer<typeof RestoreMetaSchema>;
