// The people part of the bench page: loads the decade people set through the one write path,
// prepares the 40 × 20 roster the app's attendance grid is timed on, and times a CSV import.
// bench/run.mjs calls these through window.apogeeBench (see main.ts).
import Dexie from 'dexie';
import {
  decadeHistoryCatalogue,
  decadeHistoryStart,
  planDecadePeople,
  type DecadePeopleOptions,
  type DecadePeoplePhase,
  type DecadePeopleStats,
} from '../../shared/demo';
import type { Person } from '../../shared/domain/people';
import type { Actor, MutationCall } from '../../shared/mutations';
import { foldForSearch } from '../../shared/text/normalize';
import { runMutations, type MutationOutcome } from '../../renderer/db/mutate';
import { ApogeeDb } from '../../renderer/db/schema';
import { decodeCsvBytes } from '../../renderer/features/people/csv/decode';
import { suggestMapping } from '../../renderer/features/people/csv/mapping';
import { parseCsv } from '../../renderer/features/people/csv/parse';
import { prepareRows } from '../../renderer/features/people/csv/people';
import { importCalls } from '../../renderer/features/people/importPlan';
import {
  buildPeopleIndex,
  filterPeople,
  noPeopleFilters,
} from '../../renderer/features/people/peopleIndex';

const appDatabase = 'apogee';
const actor: Actor = { role: 'coordinator', deviceId: 'bench' };

/**
 * Time and size of one phase of the people load; `batchMs` is each batch's time, to see whether
 * writes slow down as the tables grow.
 */
export type PhaseResult = { calls: number; ms: number; batches: number; batchMs: number[] };

/** What loading the people set measured. */
export type PeopleLoadResult = {
  stats: DecadePeopleStats;
  /** The catalogue as planned in 2019, loaded first (not part of the people figures). */
  catalogueMs: number;
  catalogueCalls: number;
  /** Time spent generating the calls between batches (not counted in the phases). */
  generateMs: number;
  phases: Partial<Record<DecadePeoplePhase, PhaseResult>>;
  refused: number;
  /** The first refusals, for the report. */
  refusals: string[];
  stored: Record<'institutions' | 'people' | 'enrolments' | 'attendance' | 'outbox', number> & {
    byState: Record<string, number>;
  };
};

/**
 * Deletes the app's database, loads the decade catalogue as planned before 2020, then every batch
 * of the people set at its own clock. Progress goes to the console (run.mjs prints it).
 */
async function loadPeople(
  options: DecadePeopleOptions & { chunkSize?: number } = {},
): Promise<PeopleLoadResult> {
  const { chunkSize = 2_000, ...peopleOptions } = options;
  await Dexie.delete(appDatabase);
  const db = new ApogeeDb(appDatabase);
  await db.open();
  const refusals: string[] = [];
  let refused = 0;
  const note = (calls: readonly MutationCall[], outcomes: readonly MutationOutcome[]) =>
    outcomes.forEach((o, i) => {
      if (o.ok) return;
      refused++;
      if (refusals.length < 10)
        refusals.push(`${calls[i]!.name} ${JSON.stringify(calls[i]!.args)}: ${o.error.code}`);
    });
  try {
    const catalogue = decadeHistoryCatalogue();
    const catalogueStart = performance.now();
    note(
      catalogue,
      await runMutations(db, catalogue, {
        actor,
        chunkSize,
        now: () => `${decadeHistoryStart}T09:00:00.000Z`,
      }),
    );
    const catalogueMs = performance.now() - catalogueStart;

    let generateStart = performance.now();
    const plan = planDecadePeople(peopleOptions);
    let generateMs = performance.now() - generateStart;
    const phases: Partial<Record<DecadePeoplePhase, PhaseResult>> = {};
    let done = 0;
    let reported = 0;
    generateStart = performance.now();
    for (const batch of plan.batches()) {
      const runStart = performance.now();
      generateMs += runStart - generateStart;
      note(
        batch.calls,
        await runMutations(db, batch.calls, { actor, chunkSize, now: () => batch.now }),
      );
      const phase = (phases[batch.phase] ??= { calls: 0, ms: 0, batches: 0, batchMs: [] });
      const ms = performance.now() - runStart;
      phase.calls += batch.calls.length;
      phase.ms += ms;
      phase.batches++;
      phase.batchMs.push(Math.round(ms));
      done += batch.calls.length;
      if (done - reported >= plan.stats.calls / 20 || done === plan.stats.calls) {
        reported = done;
        console.info(
          `bench-progress: people set ${Math.round((100 * done) / plan.stats.calls)}% ` +
            `(${done.toLocaleString('en-GB')} of ${plan.stats.calls.toLocaleString('en-GB')} calls, ${batch.phase} of ${batch.now.slice(0, 10)})`,
        );
      }
      generateStart = performance.now();
    }
    const [institutions, people, enrolments, attendance, outbox] = await Promise.all([
      db.institutions.count(),
      db.people.count(),
      db.enrolments.toArray(),
      db.attendance.count(),
      db.outbox.count(),
    ]);
    const byState: Record<string, number> = {};
    for (const e of enrolments) byState[e.state] = (byState[e.state] ?? 0) + 1;
    return {
      stats: plan.stats,
      catalogueMs,
      catalogueCalls: catalogue.length,
      generateMs,
      phases,
      refused,
      refusals,
      stored: { institutions, people, enrolments: enrolments.length, attendance, outbox, byState },
    };
  } finally {
    db.close();
  }
}

/** The session the roster and mark figures are taken on. */
export const rosterSessionId = 'bench-roster-session';

/** What `prepareRoster` made. */
export type RosterResult = { sessionId: string; trainees: number; meetings: number; ms: number };

/**
 * Adds a session of 20 class days (four weeks, Monday to Friday) with 40 enrolled trainees, all
 * through mutations: trainees of the loaded set when there are enough, otherwise 40 new people.
 */
async function prepareRoster(): Promise<RosterResult> {
  const db = new ApogeeDb(appDatabase);
  await db.open();
  const start = performance.now();
  try {
    const programme = await db.programmes.toCollection().first();
    if (!programme) throw new Error('prepareRoster: load the catalogue first');
    const calls: MutationCall[] = [
      {
        name: 'course.create',
        args: {
          id: 'bench-roster-course',
          programmeId: programme.id,
          code: 'BENCH-0001',
          title: 'Roster benchmark: CubeSat ground station practice',
          summary: '',
          level: 'introductory',
          languages: ['en'],
          hours: 80,
          modules: [],
          prerequisites: [],
          tags: [],
          completionRule: { minAttendancePercent: 80, note: '' },
        },
      },
      {
        name: 'session.create',
        args: {
          id: rosterSessionId,
          courseId: 'bench-roster-course',
          title: 'Roster benchmark',
          startDate: '2026-03-02',
          endDate: '2026-03-27',
          timeZone: 'Asia/Karachi',
          mode: 'in-person',
          site: 'SUPARCO Training Centre',
          city: 'Islamabad',
          country: 'PK',
          capacity: 40,
          instructors: [],
          enrolmentOpens: '2026-01-05',
          enrolmentCloses: '2026-02-27',
          status: 'open',
          schedule: { weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '16:00' },
        },
      },
    ];
    const loaded: Person[] = [];
    await db.people.each((p) => {
      if (loaded.length < 40 && p.roles.includes('trainee') && !p.archived && !p.mergedInto)
        loaded.push(p);
    });
    const traineeIds = loaded.map((p) => p.id);
    for (let i = traineeIds.length; i < 40; i++) {
      const id = `bench-trainee-${String(i + 1).padStart(2, '0')}`;
      traineeIds.push(id);
      calls.push({
        name: 'person.create',
        args: {
          id,
          nativeName: ['王海涛', 'عائشہ صدیقی', 'Ирина Соколова', 'Elif Şahin'][i % 4]!,
          latinName: ['Wang Haitao', 'Ayesha Siddiqui', 'Irina Sokolova', ''][i % 4]!,
          email: `bench-trainee-${i + 1}@example.org`,
          roles: ['trainee'],
        },
      });
    }
    traineeIds.forEach((personId, i) =>
      calls.push({
        name: 'enrolment.request',
        args: { id: `bench-roster-enrolment-${i + 1}`, personId, sessionId: rosterSessionId },
      }),
    );
    const outcomes = await runMutations(db, calls, {
      actor,
      now: () => '2026-02-02T09:00:00.000Z',
    });
    const refused = outcomes.flatMap((o, i) =>
      o.ok ? [] : [`${calls[i]!.name}: ${o.error.code} ${JSON.stringify(o.error.params)}`],
    );
    if (refused.length) throw new Error(`prepareRoster: refused ${refused.join('; ')}`);
    const [trainees, meetings] = await Promise.all([
      db.enrolments.where('sessionId').equals(rosterSessionId).count(),
      db.meetings.where('sessionId').equals(rosterSessionId).count(),
    ]);
    return { sessionId: rosterSessionId, trainees, meetings, ms: performance.now() - start };
  } finally {
    db.close();
  }
}

/** What the CSV import measured, step by step. */
export type CsvImportResult = {
  rows: number;
  bytes: number;
  decodeMs: number;
  parseMs: number;
  /** Reading existing people (by e-mail) and institutions, as the import screen does. */
  lookupMs: number;
  prepareMs: number;
  runMs: number;
  totalMs: number;
  created: number;
  refused: number;
  rowErrors: number;
};

/**
 * Imports `rows` new people from a CSV text made here (names in several scripts, institutions
 * by name, semicolon-separated roles and languages), the way the import screen does: decode,
 * parse, suggested mapping, prepare against the stored people and institutions, run.
 */
async function importCsv(rows = 10_000): Promise<CsvImportResult> {
  const db = new ApogeeDb(appDatabase);
  await db.open();
  try {
    const institutions = await db.institutions.limit(50).toArray();
    const names = [
      ['王海涛', 'Wang Haitao', 'CN'],
      ['عائشہ صدیقی', 'Ayesha Siddiqui', 'PK'],
      ['Ирина Соколова', 'Irina Sokolova', 'RU'],
      ['Elif Şahin', '', 'TR'],
      ['สมชาย วงศ์สวัสดิ์', 'Somchai Wongsawat', 'TH'],
      ['منى عبد الرحمن', 'Mona Abdelrahman', 'EG'],
      ['ሰላም ተስፋዬ', 'Selam Tesfaye', 'ET'],
      ['Lucía Quispe Mamani', '', 'PE'],
    ] as const;
    const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
    const lines = ['Native name,Latin name,E-mail,Country,Institution,Roles,Languages,Gender'];
    for (let i = 0; i < rows; i++) {
      const [native, latin, country] = names[i % names.length]!;
      const institution = institutions.length ? institutions[i % institutions.length]!.name : '';
      lines.push(
        [
          native,
          latin,
          `csv.bench.${i + 1}@import.example.org`,
          country,
          institution,
          i % 50 === 0 ? 'trainee; instructor' : 'trainee',
          i % 3 === 0 ? 'en; fr' : 'en',
          i % 2 ? 'female' : 'male',
        ]
          .map(quote)
          .join(','),
      );
    }
    const bytes = new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);

    const t0 = performance.now();
    const decoded = decodeCsvBytes(bytes);
    if (!decoded.ok) throw new Error(`importCsv: decode failed (${decoded.problem})`);
    const t1 = performance.now();
    const parsed = parseCsv(decoded.text);
    if (!parsed.ok) throw new Error(`importCsv: parse failed (${parsed.problem})`);
    const mapping = suggestMapping(parsed.headers);
    const t2 = performance.now();
    const emailColumn = mapping.email;
    const emails =
      emailColumn === null
        ? []
        : [
            ...new Set(
              parsed.rows.map((r) => (r[emailColumn] ?? '').trim().toLowerCase()).filter(Boolean),
            ),
          ];
    const [existing, allInstitutions] = await Promise.all([
      emails.length ? db.people.where('email').anyOf(emails).toArray() : [],
      db.institutions.toArray(),
    ]);
    const existingByEmail = new Map(existing.filter((p) => !p.mergedInto).map((p) => [p.email, p]));
    const institutionsByName = new Map<string, string>();
    for (const i of allInstitutions) institutionsByName.set(foldForSearch(i.name), i.id);
    const t3 = performance.now();
    const prepared = prepareRows(parsed.rows, mapping, {
      headers: parsed.headers,
      rowNumbers: parsed.rowNumbers,
      existingByEmail,
      institutionsByName,
      newId: () => crypto.randomUUID(),
    });
    const { calls } = importCalls(prepared, new Set());
    const t4 = performance.now();
    const outcomes = await runMutations(db, calls, { actor, chunkSize: 1_000 });
    const t5 = performance.now();
    return {
      rows: parsed.rows.length,
      bytes: bytes.length,
      decodeMs: t1 - t0,
      parseMs: t2 - t1,
      lookupMs: t3 - t2,
      prepareMs: t4 - t3,
      runMs: t5 - t4,
      totalMs: t5 - t0,
      created: outcomes.filter((o) => o.ok).length,
      refused: outcomes.filter((o) => !o.ok).length,
      rowErrors: new Set(prepared.errors.map((e) => e.row)).size,
    };
  } finally {
    db.close();
  }
}

/** The people search without the screen: read, index, and each keystroke's filter. */
export type PeopleSearchResult = {
  people: number;
  readMs: number;
  indexMs: number;
  /** filterPeople per keystroke (each prefix of each query, typed then deleted). */
  keystrokes: { query: string; ms: number; results: number }[];
};

/** Times `filterPeople` for every prefix of each query, over the stored people. */
async function searchPeople(queries: readonly string[]): Promise<PeopleSearchResult> {
  const db = new ApogeeDb(appDatabase);
  await db.open();
  try {
    const t0 = performance.now();
    const people = await db.people.toArray();
    const t1 = performance.now();
    const index = buildPeopleIndex(people);
    const t2 = performance.now();
    const keystrokes: PeopleSearchResult['keystrokes'] = [];
    for (const query of queries) {
      const chars = [...query];
      const prefixes = chars.map((_, i) => chars.slice(0, i + 1).join(''));
      for (const prefix of [...prefixes, ...prefixes.slice(0, -1).reverse(), '']) {
        const start = performance.now();
        const results = filterPeople(index, prefix, noPeopleFilters).length;
        keystrokes.push({ query: prefix, ms: performance.now() - start, results });
      }
    }
    return { people: people.length, readMs: t1 - t0, indexMs: t2 - t1, keystrokes };
  } finally {
    db.close();
  }
}

export const peopleApi = { loadPeople, prepareRoster, importCsv, searchPeople };
