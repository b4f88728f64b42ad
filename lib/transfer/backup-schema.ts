// The backup file, defined once. The streaming reader and the restore messages parse its parts with the
// schemas it is built from, so there is one definition of each shape.
//
// Format 2 (written today, `.ndjson.gz`): gzip-compressed NDJSON. Line 1 is the head (`BackupHeadV2Schema`:
// settings, letters, counters, and the counts the register held when the backup began); then one line per
// complaint with its history (`BackupEntrySchema`), records set aside as `{"quarantined":…}` lines, and a
// last `{"end":counts}` line with the exact counts written: a file without it was cut.
// Format 1 (read only, `.json`): one JSON document whose first line holds every section but the complaints
// and opens the complaints array; then one complaint per line; the last line closes both (`BackupSchema`).
import { z } from 'zod';
import { TemplateOverridesSchema } from '../letters/meta';
import { HistoryEventSchema } from '../register/history';
import { ComplaintSchema, isoInstant } from '../register/schema';
import { SettingsSchema } from '../settings/schema';

export const BACKUP_FORMAT = 'registre-reclamations/backup';
/** The format new backups are written in (NDJSON, gzip). */
export const BACKUP_VERSION = 2;
/** The single-JSON format of earlier versions: still restored. */
export const LEGACY_VERSION = 1;

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
  version: z.literal(LEGACY_VERSION),
  exportedAt: isoInstant,
  counts: BackupCountsSchema,
  /** As stored; null when the agent never saved settings (or they were unreadable: see quarantine). */
  settings: SettingsSchema.nullable(),
  templateOverrides: TemplateOverridesSchema.nullable(),
  referenceCounters: ReferenceCountersSchema,
  quarantine: z.array(QuarantinedRecordSchema),
});
export type BackupHead = z.infer<typeof BackupHeadSchema>;

/** Format 2's first line: what format 1's head holds but the quarantine, which comes as lines of its own. */
export const BackupHeadV2Schema = BackupHeadSchema.omit({ quarantine: true, version: true }).extend({
  version: z.literal(BACKUP_VERSION),
});
export type BackupHeadV2 = z.infer<typeof BackupHeadV2Schema>;

/** Format 2's lines after the head: a complaint (BackupEntrySchema), a record set aside, or the end. */
export const QuarantineLineSchema = z.object({ quarantined: QuarantinedRecordSchema });
export const EndLineSchema = z.object({ end: BackupCountsSchema });

export const BackupSchema = BackupHeadSchema.extend({ complaints: z.array(BackupEntrySchema) });
export type Backup = z.infer<typeof BackupSchema>;

/** The first line ends by opening the complaints array; the last line closes it and the document. */
export const COMPLAINTS_OPEN = '"complaints":[';
export const FILE_CLOSE = ']}';

/** The restore under way, named by the background when it begins; every later message carries it. */
export const RestoreIdSchema = z.string().min(1).max(100);
/** Held by the page for as long as it writes a restore (Web Locks): when the page dies, the lock goes and
 *  the background rolls back what the restore had written. */
export const RESTORE_LOCK = 'registre-reclamations/restore';

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

/** A batch's place in the file, from 0: the write pass names the dry run's batch it sends again. */
export const RestoreBatchIndexSchema = z.number().int().min(0).max(10_000_000);

/** The register's retention periods and the date, for the dry run to count what a file brings back past them. */
export const CheckRetentionSchema = z.object({
  periods: z.object({ years: z.number().min(0).max(1000), notComplaintYears: z.number().min(0).max(1000) }),
  now: isoInstant,
});

/** What the background restores once every complaint is in: settings and edited letters only if the agent asked. */
export const RestoreMetaSchema = z.object({
  referenceCounters: ReferenceCountersSchema,
  quarantine: z.array(QuarantinedRecordSchema).max(1_000_000),
  settings: SettingsSchema.optional(),
  templateOverrides: TemplateOverridesSchema.optional(),
});
export type RestoreMeta = z.infer<typeof RestoreMetaSchema>;
