// Seeds a hub with the decade set for the sync bench (bench/lib/syncHub.ts runs it). The rows are
// produced by running the shared mutations (the same `apply` the devices and the hub run) against
// an in-memory MutationStore, each batch at its own clock, and the resulting rows are then
// bulk-inserted with the hub's own `storeRows`, in large transactions, in the order they were last
// written: exactly what the hub's records table would hold had the calls been pushed one by one
// (except `client_id`, which is `bench-seed`).
import type { Kysely } from 'kysely';
import {
  decadeHistoryCatalogue,
  decadeHistoryStart,
  planDecadePeople,
  type DecadePeoplePhase,
} from '../../shared/demo';
import {
  findMutation,
  type Actor,
  type IndexedField,
  type MutationCall,
  type MutationStore,
  type TableName,
  type Tables,
} from '../../shared/mutations';
import type { Database } from '../../server/db/schema';
import { storeRows, takeSeqs } from '../../server/store';

type Row = Tables[TableName];

/** A MutationStore in Maps, with the lookup fields indexed (built on first use, then kept up to date). */
export class IndexedMemoryStore implements MutationStore {
  private readonly tables = new Map<TableName, Map<string, Row>>();
  private readonly indexes = new Map<string, Map<string, Set<string>>>();
  private readonly indexedFields = new Map<TableName, string[]>();
  /** The last write of every row, in the order of last writes (a deleted row is `null`). */
  readonly final = new Map<string, { table: TableName; id: string; row: Row | null }>();

  private rows(table: TableName) {
    let rows = this.tables.get(table);
    if (!rows) this.tables.set(table, (rows = new Map<string, Row>()));
    return rows;
  }

  private index(table: TableName, field: string) {
    const key = `${table}.${field}`;
    let index = this.indexes.get(key);
    if (!index) {
      index = new Map();
      for (const row of this.rows(table).values()) this.addTo(index, row, field);
      this.indexes.set(key, index);
      this.indexedFields.set(table, [...(this.indexedFields.get(table) ?? []), field]);
    }
    return index;
  }

  private addTo(index: Map<string, Set<string>>, row: Row, field: string) {
    const value = (row as Record<string, unknown>)[field];
    if (typeof value !== 'string' && typeof value !== 'number') return;
    const text = String(value);
    let ids = index.get(text);
    if (!ids) index.set(text, (ids = new Set()));
    ids.add(row.id);
  }

  private unindex(table: TableName, row: Row) {
    for (const field of this.indexedFields.get(table) ?? []) {
      const value = (row as Record<string, unknown>)[field];
      if (typeof value === 'string' || typeof value === 'number')
        this.indexes.get(`${table}.${field}`)!.get(String(value))?.delete(row.id);
    }
  }

  get<T extends TableName>(table: T, id: string): Promise<Tables[T] | undefined> {
    return Promise.resolve(this.rows(table).get(id) as Tables[T] | undefined);
  }

  findBy<T extends TableName>(
    table: T,
    field: IndexedField[T],
    value: string,
  ): Promise<Tables[T][]> {
    const ids = this.index(table, field).get(value);
    const rows = this.rows(table);
    return Promise.resolve(ids ? ([...ids].map((id) => rows.get(id)!) as Tables[T][]) : []);
  }

  put<T extends TableName>(table: T, row: Tables[T]): Promise<void> {
    const rows = this.rows(table);
    const old = rows.get(row.id);
    if (old) this.unindex(table, old);
    rows.set(row.id, row);
    for (const field of this.indexedFields.get(table) ?? [])
      this.addTo(this.indexes.get(`${table}.${field}`)!, row, field);
    this.record(table, row.id, row);
    return Promise.resolve();
  }

  delete(table: TableName, id: string): Promise<void> {
    const rows = this.rows(table);
    const old = rows.get(id);
    if (old) this.unindex(table, old);
    rows.delete(id);
    this.record(table, id, null);
    return Promise.resolve();
  }

  private record(table: TableName, id: string, row: Row | null) {
    const key = `${table}\u0000${id}`;
    this.final.delete(key); // re-inserted at the end: the order of last writes
    this.final.set(key, { table, id, row });
  }

  count(table: TableName): number {
    return this.rows(table).size;
  }
}

/** The seed's size: the decade catalogue and people, with a share of the enrolments and marks. */
export type SeedOptions = { people: number; enrolments: number; marks: number };

/** Accounts and rows the other sync figures need, made by the same mutations (see fixtureCalls). */
export const fixture = {
  programmeId: 'bench-sync-programme',
  courseId: 'bench-sync-course',
  /** The instructor device of the 100-marks and 2G figures: one session of 20 trainees × 20 class days. */
  main: {
    personId: 'bench-sync-instructor-main',
    email: 'instructor.main@bench.apogee',
    sessionId: 'bench-sync-session-main',
    trainees: 20,
  },
  /** The concurrent devices: one instructor each, with a session of 10 trainees × 20 class days. */
  devices: 50,
  deviceTrainees: 10,
  coordinatorEmail: 'coordinator@bench.apogee',
  password: 'bench sync password',
  /** The clock of the fixture calls: inside the fixture sessions' enrolment window. */
  now: '2026-01-15T10:00:00.000Z',
};

export const deviceInstructor = (n: number) => ({
  personId: `bench-sync-instructor-${String(n).padStart(2, '0')}`,
  email: `instructor.${String(n).padStart(2, '0')}@bench.apogee`,
  sessionId: `bench-sync-session-${String(n).padStart(2, '0')}`,
});

/** The fixture: a course, 51 instructors, 51 sessions of 20 class days (Feb 2026), their trainees enrolled. */
function fixtureCalls(devices: number): MutationCall[] {
  const calls: MutationCall[] = [
    {
      name: 'programme.create',
      args: {
        id: fixture.programmeId,
        name: 'Bench sync',
        description: 'Sessions of the sync bench.',
      },
    },
    {
      name: 'course.create',
      args: {
        id: fixture.courseId,
        programmeId: fixture.programmeId,
        code: 'BENCH-SYNC-1',
        title: 'Ground station operations',
        summary: 'Tracking, telemetry and command for small satellites.',
        level: 'introductory',
        languages: ['en'],
        hours: 80,
        modules: [{ title: 'Tracking', hours: 80 }],
        prerequisites: [],
        tags: ['ground-station'],
        completionRule: { minAttendancePercent: 80, note: '' },
      },
    },
  ];
  const sessions = [
    { ...fixture.main, trainees: fixture.main.trainees },
    ...Array.from({ length: devices }, (_, i) => ({
      ...deviceInstructor(i + 1),
      trainees: fixture.deviceTrainees,
    })),
  ];
  for (const s of sessions) {
    calls.push(
      {
        name: 'person.create',
        args: {
          id: s.personId,
          nativeName: `Instructor ${s.personId.slice(20)}`,
          latinName: '',
          email: s.email,
          country: 'PK',
          roles: ['instructor'],
          languages: ['en'],
        },
      },
      {
        name: 'session.create',
        args: {
          id: s.sessionId,
          courseId: fixture.courseId,
          title: '',
          startDate: '2026-02-02',
          endDate: '2026-02-27',
          timeZone: 'Asia/Karachi',
          mode: 'in-person',
          site: 'Ground station',
          city: 'Islamabad',
          country: 'PK',
          capacity: 30,
          instructors: [],
          instructorIds: [s.personId],
          enrolmentOpens: '2026-01-01',
          enrolmentCloses: '2026-01-25',
          status: 'open',
          schedule: { weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '13:00' },
        },
      },
    );
    for (let t = 0; t < s.trainees; t++) {
      const personId = `${s.sessionId}-trainee-${String(t + 1).padStart(2, '0')}`;
      calls.push(
        {
          name: 'person.create',
          args: {
            id: personId,
            nativeName: `Trainee ${t + 1}`,
            latinName: '',
            email: `${personId}@bench.apogee`,
            country: 'PK',
            roles: ['trainee'],
            languages: ['en'],
          },
        },
        {
          name: 'enrolment.request',
          args: { id: `${personId}-enrolment`, personId, sessionId: s.sessionId },
        },
      );
    }
  }
  return calls;
}

export type SeedReport = {
  options: SeedOptions;
  /** Mutation calls run, and refused. */
  calls: number;
  refused: number;
  refusals: string[];
  callsByPhase: Record<string, number>;
  /** Rows stored in the hub, by table (tombstones counted apart). */
  rows: number;
  tombstones: number;
  byTable: Record<string, number>;
  /** Full register of the people plan (marks if every held class day were marked). */
  projectedMarks: number;
  generateAndApplyMs: number;
  insertMs: number;
};

const seedActor: Actor = { role: 'coordinator', deviceId: 'bench-seed' };

/** Runs the calls in memory, then stores the rows in the hub in transactions of `txRows` rows. */
export async function seedHub(
  db: Kysely<Database>,
  options: SeedOptions,
  log: (text: string) => void,
  txRows = 20_000,
): Promise<SeedReport> {
  const store = new IndexedMemoryStore();
  let calls = 0;
  let refused = 0;
  const refusals: string[] = [];
  const callsByPhase: Record<string, number> = {};
  const run = async (batch: readonly MutationCall[], now: string, phase: string) => {
    for (const call of batch) {
      const def = findMutation(call.name);
      if (!def) throw new Error(`unknown mutation ${call.name}`);
      const parsed = def.args.safeParse(call.args);
      const result = parsed.success
        ? def.permission(seedActor, parsed.data)
          ? await def.apply(store, parsed.data, { actor: seedActor, now })
          : { ok: false as const, error: { code: 'forbidden' } }
        : { ok: false as const, error: { code: 'invalid-args' } };
      calls++;
      callsByPhase[phase] = (callsByPhase[phase] ?? 0) + 1;
      if (!result.ok) {
        refused++;
        if (refusals.length < 5)
          refusals.push(
            `${call.name} ${JSON.stringify(call.args).slice(0, 120)}: ${result.error.code}`,
          );
      }
    }
  };

  const started = performance.now();
  await run(decadeHistoryCatalogue(), `${decadeHistoryStart}T09:00:00.000Z`, 'catalogue');
  const plan = planDecadePeople({
    people: options.people,
    enrolments: options.enrolments,
    marks: options.marks,
  });
  let lastPhase: DecadePeoplePhase | undefined;
  for (const batch of plan.batches()) {
    if (batch.phase !== lastPhase && (batch.phase === 'people' || batch.phase === 'closing'))
      log(`seed: ${batch.phase}… (${calls.toLocaleString('en-GB')} calls so far)`);
    lastPhase = batch.phase;
    await run(batch.calls, batch.now, batch.phase);
  }
  await run(fixtureCalls(fixture.devices), fixture.now, 'fixture');
  const generateAndApplyMs = performance.now() - started;
  log(
    `seed: ${calls.toLocaleString('en-GB')} calls applied in memory in ${Math.round(generateAndApplyMs)} ms (${refused} refused); storing ${store.final.size.toLocaleString('en-GB')} rows…`,
  );

  const rows = [...store.final.values()];
  store.final.clear();
  const byTable: Record<string, number> = {};
  let tombstones = 0;
  for (const r of rows) {
    if (r.row) byTable[r.table] = (byTable[r.table] ?? 0) + 1;
    else tombstones++;
  }
  const insertStart = performance.now();
  for (let start = 0; start < rows.length; start += txRows) {
    const part = rows.slice(start, start + txRows);
    await db.transaction().execute(async (tx) => {
      const first = await takeSeqs(tx, part.length);
      await storeRows(tx, part, first, 'bench-seed');
    });
    if ((start / txRows) % 5 === 4)
      log(
        `seed: ${(start + part.length).toLocaleString('en-GB')} of ${rows.length.toLocaleString('en-GB')} rows stored`,
      );
  }
  const insertMs = performance.now() - insertStart;
  return {
    options,
    calls,
    refused,
    refusals,
    callsByPhase,
    rows: rows.length - tombstones,
    tombstones,
    byTable,
    projectedMarks: plan.stats.projectedMarks,
    generateAndApplyMs,
    insertMs,
  };
}
