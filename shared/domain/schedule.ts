import type { Meeting, Schedule } from './catalogue';

/** The most class days one session may have (a full year of weekdays fits). */
export const maxMeetingsPerSession = 370;

const dayMs = 86_400_000;

function toUtcDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  const day = new Date(toUtcDay(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return fromUtcDay(toUtcDay(date) + days * dayMs);
}

/** The dates from `startDate` to `endDate` (inclusive) that fall on the schedule's weekdays. */
export function classDates(startDate: string, endDate: string, weekdays: readonly number[]): string[] {
  const wanted = new Set(weekdays);
  const dates: string[] = [];
  for (let t = toUtcDay(startDate), end = toUtcDay(endDate); t <= end; t += dayMs) {
    const date = fromUtcDay(t);
    if (wanted.has(isoWeekday(date))) dates.push(date);
    if (dates.length > maxMeetingsPerSession) break;
  }
  return dates;
}

/** Id of the meeting generated for a session on a date: the same on every device and the hub. */
export function meetingId(sessionId: string, date: string): string {
  return `${sessionId}@${date}`;
}

/**
 * The meetings (class days) a schedule produces. Deterministic: the hub re-running the same
 * mutation makes the same rows with the same ids.
 */
export function generateMeetings(
  sessionId: string,
  range: { startDate: string; endDate: string },
  schedule: Schedule,
  now: string,
): Meeting[] {
  return classDates(range.startDate, range.endDate, schedule.weekdays).map((date) => ({
    id: meetingId(sessionId, date),
    sessionId,
    date,
    startTime: schedule.startTime,
    endTime: schedule.endTime,
    room: '',
    note: '',
    cancelled: false,
    edited: false,
    createdAt: now,
    updatedAt: now,
  }));
}
