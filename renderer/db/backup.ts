import { z } from 'zod';
import { describeFieldError, fieldErrors } from '../../shared/errors';
import { courseSchema, programmeSchema, sessionSchema } from '../../shared/domain/catalogue';
import { institutionSchema, personSchema } from '../../shared/domain/people';
import { assessmentResultSchema, attendanceMarkSchema, enrolmentSchema, teamSchema } from '../../shared/domain/enrolment';
import { certificateSchema, certificateTemplateSchema, issuerSchema } from '../../shared/domain/certificates';
import { conflictSchema } from '../../shared/domain/conflicts';
import { dataTables, schemaVersion, type ApogeeDb, type OutboxEntry } from './schema';

/** Marks a file as an Apogee backup. */
export const backupFormat = 'apogee-backup';

const meetingSchema = z.object({
  id: z.string().min(1),
  sessionId: z.string().min(1),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  room: z.string(),
  note: z.string(),
  cancelled: z.boolean(),
  edited: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const outboxSchema = z.object({
  seq: z.number().int().positive(),
  id: z.string().min(1),
  name: z.string().min(1),
  version: z.number().int().positive(),
  args: z.unknown(),
  actor: z.object({ role: z.enum(['coordinator', 'instructor', 'trainee']), deviceId: z.string(), personId: z.string().optional(), site: z.string().optional() }),
  at: z.string(),
  status: z.literal('pending'),
  seen: z.number().int().nonnegative().optional(),
  writes: z.array(z.tuple([z.string(), z.string()])).optional(),
  notices: z.array(z.string()).optional(),
});

const rowSchemas = {
  programmes: programmeSchema,
  courses: courseSchema,
  sessions: sessionSchema,
  meetings: meetingSchema,
  institutions: institutionSchema,
  people: personSchema,
  enrolments: enrolmentSchema,
  teams: teamSchema,
  attendance: attendanceMarkSchema,
  results: assessmentResultSchema,
  issuers: issuerSchema,
  certificateTemplates: certificateTemplateSchema,
  certificates: certificateSchema,
  conflicts: conflictSchema,
  outbox: outboxSchema,
} as const;
type BackupTable = keyof typeof rowSchemas;

/** A parsed, fully validated backup. */
export type Backup = {
  format: typeof backupFormat;
  schemaVersion: number;
  exportedAt: string;
  tables: { [T in BackupTable]: z.infer<(typeof rowSchemas)[T]>[] };
};

/** Why a backup file cannot be restored, and where. */
export type BackupProblem = {
  code: 'not-json' | 'not-a-backup' | 'newer-version' | 'invalid-row';
  /** Where: "courses, row 12, code". */
  where: string;
  /** English detail for logs; the UI shows its own text for the code. */
  detail: string;
};

/** Writes every table (data and outbox) as one JSON document. */
export async function exportBackup(db: ApogeeDb, now = new Date()): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  await db.transaction('r', [...dataTables, 'outbox'], async () => {
    for (const table of [...dataTables, 'outbox'] as const) tables[table] = await db.table(table).toArray();
  });
  return JSON.stringify({ format: backupFormat, schemaVersion, exportedAt: now.toISOString(), tables });
}

/** Reads and checks a backup file row by row, before anything is touched. */
export function parseBackup(json: string): { ok: true; backup: Backup } | { ok: false; problem: BackupProblem } {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (error) {
    return { ok: false, problem: { code: 'not-json', where: '', detail: (error as Error).message } };
  }
  const head = z
    .object({ format: z.literal(backupFormat), schemaVersion: z.number().int(), exportedAt: z.string(), tables: z.record(z.string(), z.array(z.unknown())) })
    .safeParse(doc);
  if (!head.success)
    return { ok: false, problem: { code: 'not-a-backup', where: '', detail: head.error.issues.map((i) => i.path.join('.')).join(', ') } };
  if (head.data.schemaVersion > schemaVersion)
    return { ok: false, problem: { code: 'newer-version', where: '', detail: `backup schema ${head.data.schemaVersion}, this app ${schemaVersion}` } };
  const tables = {} as Record<BackupTable, unknown[]>;
  for (const table of Object.keys(rowSchemas) as BackupTable[]) {
    const rows = head.data.tables[table] ?? [];
    const parsed: unknown[] = [];
    for (const [index, row] of rows.entries()) {
      const result = rowSchemas[table].safeParse(row);
      if (!result.success) {
        const first = fieldErrors(result.error)[0]!;
        return {
          ok: false,
          problem: { code: 'invalid-row', where: `${table}, row ${index + 1}${first.path ? `, ${first.path}` : ''}`, detail: describeFieldError(first) },
        };
      }
      parsed.push(result.data);
    }
    tables[table] = parsed;
  }
  return { ok: true, backup: { ...head.data, format: backupFormat, tables } as Backup };
}

/**
 * Puts the database back to the state of a validated backup, in one transaction: either
 * everything is replaced or nothing changes. This is the one write that does not go through a
 * mutation: it is not a change to the data but a return to an earlier copy of this device's own
 * database, outbox included, so the changes that were waiting for the hub then are waiting again.
 */
export async function restoreBackup(db: ApogeeDb, backup: Backup): Promise<void> {
  await db.transaction('rw', [...dataTables, 'outbox', 'syncState'], async () => {
    for (const table of [...dataTables, 'outbox'] as const) {
      await db.table(table).clear();
      await db.table(table).bulkAdd(backup.tables[table] as OutboxEntry[]);
    }
    // The hub's copy moved on since the backup, and it does not send a device the rows it says it
    // holds: the next sync downloads a fresh copy, with the restored waiting changes on top.
    await db.syncState.delete('cursor');
  });
}
