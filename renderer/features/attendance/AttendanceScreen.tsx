import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Course } from '../../../shared/domain/catalogue';
import { completionOf } from '../../../shared/domain/completion';
import { displayName } from '../../../shared/domain/people';
import { localToday, type AttendanceStatus } from '../../../shared/domain/vocabulary';
import { db, useLiveQuery, useMutate } from '../../db';
import { useErrorText, useFormatDay, useT } from '../../i18n';
import { useSettings } from '../../state/settings';
import { NotFound } from '../catalogue';
import { downloadCsv, exportFileName, useSessionRoster } from '../enrolment';
import './attendance.css';
import { attendanceCsv } from './attendanceCsv';
import { columnCounts, gridKeyAction, markKey, nextMarkOnClick, rowSignature, statusesOf, statusLetter, type GridCell } from './grid';

type Pending = { status: AttendanceStatus | null; seq: number; done: boolean; storedAtDone?: unknown };

/** The attendance grid of a session: trainees × class days, marked with the keyboard or by touch. */
export function AttendanceScreen() {
  const { id } = useParams();
  const t = useT();
  const formatDay = useFormatDay();
  const roster = useSessionRoster(id);
  if (roster === undefined) return <p className="loading">{t('common.loading')}</p>;
  if (roster === null) return <NotFound />;
  const { session, course } = roster;
  const title = session.title || course?.title || '';
  const exportAttendance = (data: Roster) => {
    const today = localToday();
    const table = attendanceCsv(
      data,
      {
        name: t('attendance.sheet.name'),
        latinName: t('attendance.sheet.latinName'),
        attendedPercent: t('attendance.csv.attendedPercent'),
        lateCount: t('attendance.csv.lateCount'),
        status: (status) => t(`attendance.status.${status}`),
      },
      today,
    );
    downloadCsv(exportFileName('attendance', data.course?.code, today), table);
  };
  return (
    <article className="detail attendance-screen" aria-labelledby="attendance-title">
      <nav className="breadcrumbs" aria-label={t('nav.breadcrumbs')}>
        <Link to="/">{t('catalogue.title')}</Link> ›{' '}
        {course && <Link to={`/courses/${course.id}`}>{course.code}</Link>} ›{' '}
        <Link to={`/sessions/${session.id}`} dir="auto">{title}</Link>
      </nav>
      <div className="screen-header">
        <h1 id="attendance-title">
          {t('attendance.title')} <bdi dir="auto">{course ? `${course.code} ${title}` : title}</bdi>{' '}
          <span className="muted">{t('session.dateRange', { start: formatDay(session.startDate), end: formatDay(session.endDate) })}</span>
        </h1>
        <div className="actions">
          <Link className="button" to={`/sessions/${session.id}/roster`}>{t('enrolment.roster')}</Link>
          <button type="button" onClick={() => exportAttendance(roster)}>{t('attendance.exportCsv')}</button>
        </div>
      </div>
      <AttendanceGrid roster={roster} />
    </article>
  );
}

type Roster = NonNullable<ReturnType<typeof useSessionRoster>>;

// Memoised: the frame's live queries (changes waiting to sync) re-render the screen, not the grid.
const AttendanceGrid = memo(function AttendanceGrid({ roster }: { roster: Roster }) {
  const t = useT();
  const formatDay = useFormatDay();
  const errorText = useErrorText();
  const mutate = useMutate();
  const [searchParams] = useSearchParams();
  const gridRef = useRef<HTMLTableElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [pending, setPending] = useState<ReadonlyMap<string, Pending>>(new Map());

  // Columns and rows as plain values, so a new answer of the live query that changed nothing
  // they show keeps them (and every memoised row) as they were.
  const columnsKey = JSON.stringify(roster.meetings.filter((m) => !m.cancelled).map((m) => [m.id, m.date, m.startTime]));
  const columns = useMemo(() => (JSON.parse(columnsKey) as [string, string, string][]).map(([id, date, startTime]) => ({ id, date, startTime })), [columnsKey]);
  const meetingIds = useMemo(() => columns.map((c) => c.id), [columns]);
  // Formatted once per grid, not once per cell: 800 cells would format 800 dates on every open.
  const dayNames = useMemo(() => columns.map((c) => formatDay(c.date)), [columns, formatDay]);
  const statusNames = useMemo(
    () => ({
      none: t('attendance.status.none'),
      present: t('attendance.status.present'),
      late: t('attendance.status.late'),
      excused: t('attendance.status.excused'),
      absent: t('attendance.status.absent'),
    }),
    [t],
  );
  const cellLabel = useMemo(() => fillLater(t('attendance.cellLabel', { name: '\u0001', date: '\u0002', text: '\u0003' })), [t]);
  const trainees = useMemo(
    () =>
      roster.enrolments
        .filter((e) => e.state === 'enrolled' || e.state === 'completed' || e.state === 'not-completed')
        .map((e) => {
          const person = roster.personById.get(e.personId);
          return {
            personId: e.personId,
            enrolled: e.state === 'enrolled',
            name: person ? displayName(person) : e.personId,
            nativeName: person?.nativeName ?? e.personId,
            latinName: person?.latinName ?? '',
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
    [roster.enrolments, roster.personById],
  );
  const stored = useMemo(() => new Map(roster.marks.map((m) => [markKey(m.meetingId, m.personId), m])), [roster.marks]);

  // What the grid shows: stored marks, overlaid with marks typed but not yet read back.
  const effective = useMemo(() => {
    const map = new Map<string, AttendanceStatus>();
    for (const [key, mark] of stored) map.set(key, mark.status);
    for (const [key, p] of pending) {
      if (p.done && p.storedAtDone !== stored) continue;
      if (p.status === null) map.delete(key);
      else map.set(key, p.status);
    }
    return map;
  }, [stored, pending]);

  const todayCol = useMemo(() => {
    const wanted = searchParams.get('meeting');
    const byParam = columns.findIndex((c) => c.id === wanted);
    if (byParam >= 0) return byParam;
    const today = localToday();
    const past = columns.filter((c) => c.date <= today).length;
    return Math.max(0, past - 1);
  }, [columns, searchParams]);
  const [focus, setFocus] = useState<GridCell>({ row: 0, col: -1 });
  const focusCell: GridCell = { row: Math.min(focus.row, Math.max(0, trainees.length - 1)), col: focus.col < 0 ? todayCol : Math.min(focus.col, columns.length - 1) };

  useEffect(() => {
    gridRef.current?.querySelector(`[data-col="${todayCol}"]`)?.scrollIntoView({ block: 'nearest', inline: 'center' });
  }, [todayCol]);

  const storedRef = useRef(stored);
  const seqRef = useRef(0);
  useEffect(() => {
    storedRef.current = stored;
  }, [stored]);

  const mark = (row: number, col: number, status: AttendanceStatus | null) => {
    const trainee = trainees[row];
    const column = columns[col];
    if (!trainee || !column) return;
    const key = markKey(column.id, trainee.personId);
    const seq = ++seqRef.current;
    setPending((prev) => new Map(prev).set(key, { status, seq, done: false }));
    const statusText = status ? t(`attendance.status.${status}`) : t('attendance.status.none');
    setAnnouncement(t('attendance.cellLabel', { name: trainee.name, date: formatDay(column.date), text: statusText }));
    void mutate({ name: 'attendance.mark', args: { meetingId: column.id, personId: trainee.personId, status } }).then((outcome) => {
      if (!outcome.ok) setProblem(t('attendance.refused', { name: trainee.name, date: formatDay(column.date), text: errorText(outcome.error) }));
      else setProblem(null);
      setPending((prev) => {
        const entry = prev.get(key);
        if (!entry || entry.seq !== seq) return prev;
        const next = new Map(prev);
        // Drop settled entries the live query has shown since, so the map stays small.
        for (const [k, p] of prev) if (p.done && p.storedAtDone !== storedRef.current) next.delete(k);
        if (outcome.ok) next.set(key, { ...entry, done: true, storedAtDone: storedRef.current });
        else next.delete(key);
        return next;
      });
    });
  };

  const markAllPresent = async (col: number) => {
    const column = columns[col];
    if (!column) return;
    const outcome = await mutate({ name: 'attendance.markAllPresent', args: { meetingId: column.id } });
    if (!outcome.ok) {
      setProblem(errorText(outcome.error));
      return;
    }
    setProblem(null);
    setAnnouncement(t('attendance.allPresentDone', { date: formatDay(column.date, 'long') }));
  };

  const moveTo = (cell: GridCell) => {
    setFocus(cell);
    gridRef.current?.querySelector<HTMLElement>(`[data-cell="${cell.row}:${cell.col}"]`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>, row: number, col: number) => {
    const dir = document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr';
    const action = gridKeyAction(e, { row, col }, { rows: trainees.length, cols: columns.length }, dir);
    if (action.kind === 'none') return;
    e.preventDefault();
    if (action.kind === 'move') moveTo(action.to);
    else mark(row, col, action.status);
  };
  const onClick = (row: number, col: number) => {
    const trainee = trainees[row];
    const column = columns[col];
    if (!trainee || !column) return;
    setFocus({ row, col });
    mark(row, col, nextMarkOnClick(effective.get(markKey(column.id, trainee.personId)) ?? null));
  };
  const onFocus = (row: number, col: number) => setFocus((prev) => (prev.row === row && prev.col === col ? prev : { row, col }));

  // Rows get stable handlers, so only the row whose marks or focus changed renders again.
  const handlers = useRef({ onKeyDown, onClick, onFocus, markAllPresent });
  useEffect(() => {
    handlers.current = { onKeyDown, onClick, onFocus, markAllPresent };
  });
  const stableKeyDown = useCallback((e: KeyboardEvent<HTMLElement>, row: number, col: number) => handlers.current.onKeyDown(e, row, col), []);
  const stableClick = useCallback((row: number, col: number) => handlers.current.onClick(row, col), []);
  const stableFocus = useCallback((row: number, col: number) => handlers.current.onFocus(row, col), []);
  const stableAllPresent = useCallback((col: number) => void handlers.current.markAllPresent(col), []);

  const rule = roster.course?.completionRule;
  const personIds = trainees.map((tr) => tr.personId);

  if (columns.length === 0) return <p className="notice">{t('attendance.noDays')}</p>;
  if (trainees.length === 0)
    return (
      <p className="notice">
        {t('attendance.noTrainees')} <Link to={`/sessions/${roster.session.id}/roster`}>{t('enrolment.roster')}</Link>
      </p>
    );

  return (
    <>
      <p className="muted" id="attendance-help">{t('attendance.help')}</p>
      {problem && <p className="notice-error" role="alert">{problem}</p>}
      <p className="visually-hidden" aria-live="polite">{announcement}</p>
      <div className="attendance-scroll">
        <table ref={gridRef} role="grid" className="attendance-grid" aria-labelledby="attendance-title" aria-describedby="attendance-help" aria-rowcount={trainees.length + 2}>
          <GridHeader columnsKey={columnsKey} focusCol={focusCell.col} onAllPresent={stableAllPresent} />
          <tbody>
            {trainees.map((tr, row) => (
              <GridRow
                key={tr.personId}
                row={row}
                name={tr.name}
                nativeName={tr.nativeName}
                latinName={tr.latinName}
                signature={rowSignature(effective, meetingIds, tr.personId)}
                columns={columns}
                dayNames={dayNames}
                statusNames={statusNames}
                cellLabel={cellLabel}
                focusCol={row === focusCell.row ? focusCell.col : -1}
                minAttendancePercent={rule?.minAttendancePercent ?? 0}
                lateCounts={rule?.lateCounts ?? 'present'}
                onKeyDown={stableKeyDown}
                onClick={stableClick}
                onFocus={stableFocus}
              />
            ))}
          </tbody>
          <GridFooter columnsKey={columnsKey} counts={columns.map((c) => countsKey(columnCounts(effective, c.id, personIds))).join('|')} />
        </table>
      </div>
      <FocusedMarkInfo
        mark={(() => {
          const tr = trainees[focusCell.row];
          const c = columns[focusCell.col];
          return tr && c ? stored.get(markKey(c.id, tr.personId)) : undefined;
        })()}
        trainee={trainees[focusCell.row]?.name ?? ''}
        date={columns[focusCell.col]?.date ?? ''}
      />
    </>
  );
});

/** A cell's label from the trainee's name, the day and the mark. */
type CellLabel = (name: string, date: string, text: string) => string;

/**
 * The cell label message formatted once with markers in place of its three plain arguments;
 * each cell then only fills them in (800 cells: 800 message formats cost more than the rest of
 * opening the register).
 */
function fillLater(pattern: string): CellLabel {
  // eslint-disable-next-line no-control-regex -- the markers are control characters no name holds
  const parts = pattern.split(/([\u0001-\u0003])/);
  return (name, date, text) => {
    let out = '';
    for (const part of parts) out += part === '\u0001' ? name : part === '\u0002' ? date : part === '\u0003' ? text : part;
    return out;
  };
}

type GridRowProps = {
  row: number;
  name: string;
  nativeName: string;
  latinName: string;
  signature: string;
  columns: readonly { id: string; date: string }[];
  /** The formatted date of each column. */
  dayNames: readonly string[];
  statusNames: Record<AttendanceStatus | 'none', string>;
  cellLabel: CellLabel;
  focusCol: number;
  minAttendancePercent: number;
  lateCounts: 'present' | 'half';
  onKeyDown: (e: KeyboardEvent<HTMLElement>, row: number, col: number) => void;
  onClick: (row: number, col: number) => void;
  onFocus: (row: number, col: number) => void;
};

/** One trainee's row: a cell per class day and their attendance so far. */
const GridRow = memo(function GridRow({
  row,
  name,
  nativeName,
  latinName,
  signature,
  columns,
  dayNames,
  statusNames,
  cellLabel,
  focusCol,
  minAttendancePercent,
  lateCounts,
  onKeyDown,
  onClick,
  onFocus,
}: GridRowProps) {
  const t = useT();
  const statuses = statusesOf(signature);
  const course: Pick<Course, 'completionRule' | 'assessments'> = {
    completionRule: { minAttendancePercent, lateCounts, requiredAssessments: [], note: '' },
    assessments: [],
  };
  const summary = completionOf({
    course,
    meetings: columns.map(({ id, date }) => ({ id, date, cancelled: false })),
    marks: columns.flatMap(({ id: meetingId }, i) => {
      const status = statuses[i];
      return status ? [{ meetingId, status }] : [];
    }),
    results: [],
    asOf: localToday(),
  });
  const short = summary.counted > 0 && !summary.meetsAttendance;
  return (
    <tr>
      <th scope="row" className="sticky-col">
        <bdi dir="auto">{nativeName}</bdi>
        {latinName && latinName !== nativeName && (
          <>
            {' '}
            <bdi dir="auto" className="muted latin-name">{latinName}</bdi>
          </>
        )}
      </th>
      {columns.map(({ id: meetingId }, col) => {
        const status = statuses[col] ?? null;
        const statusText = statusNames[status ?? 'none'];
        return (
          <td
            key={meetingId}
            role="gridcell"
            data-cell={`${row}:${col}`}
            className={`mark-cell${status ? ` mark-${status}` : ''}`}
            tabIndex={col === focusCol ? 0 : -1}
            aria-label={cellLabel(name, dayNames[col] ?? '', statusText)}
            onKeyDown={(e) => onKeyDown(e, row, col)}
            onClick={() => onClick(row, col)}
            onFocus={() => onFocus(row, col)}
          >
            {/* The label names the mark; the letter is for the eye (800 cells: no extra element each). */}
            {status ? statusLetter[status] : ''}
          </td>
        );
      })}
      <td className={`row-summary${short ? ' completion-short' : ''}`}>
        {t('attendance.rowSummary', { percent: Math.floor(summary.attendedPercent), count: summary.lateCount })}
      </td>
    </tr>
  );
});

/** Who recorded the mark of the focused cell, and when. */
function FocusedMarkInfo({ mark, trainee, date }: { mark: { recordedBy: string; recordedAt: string; status: AttendanceStatus } | undefined; trainee: string; date: string }) {
  const t = useT();
  const intl = useIntl();
  const formatDay = useFormatDay();
  const deviceId = useSettings((s) => s.deviceId);
  const [device, personId] = (mark?.recordedBy ?? '').split('/');
  const recorder = useLiveQuery(async () => (personId ? db.people.get(personId) : undefined), [personId]);
  if (!date) return null;
  if (!mark) return <p className="mark-info muted">{t('attendance.noMarkYet', { name: trainee, date: formatDay(date) })}</p>;
  const who = recorder ? displayName(recorder) : device === deviceId ? t('attendance.thisDevice') : t('attendance.otherDevice');
  return (
    <p className="mark-info">
      {t('attendance.recordedBy', {
        name: trainee,
        date: formatDay(date),
        text: t(`attendance.status.${mark.status}`),
        detail: who,
        start: intl.formatDate(mark.recordedAt, { dateStyle: 'medium', timeStyle: 'short' }),
      })}
    </p>
  );
}

const markOrder = ['present', 'late', 'excused', 'absent', 'unrecorded'] as const;

/** A day's counts as a short string (present, late, excused, absent, unrecorded), for memoised footers. */
function countsKey(counts: Record<(typeof markOrder)[number], number>): string {
  return markOrder.map((s) => counts[s]).join(',');
}

/** Class-day headers, each with its "all present" button. */
const GridHeader = memo(function GridHeader({
  columnsKey,
  focusCol,
  onAllPresent,
}: {
  columnsKey: string;
  focusCol: number;
  onAllPresent: (col: number) => void;
}) {
  const t = useT();
  const formatDay = useFormatDay();
  const columns = JSON.parse(columnsKey) as [string, string, string][];
  return (
    <thead>
      <tr>
        <th scope="col" className="sticky-col">{t('attendance.trainee')}</th>
        {columns.map(([id, date], col) => (
          <th scope="col" key={id} data-col={col} className={col === focusCol ? 'focused-col' : undefined}>
            <span className="day-label">{formatDay(date, 'short')}</span>
            <button type="button" className="all-present" onClick={() => onAllPresent(col)} aria-label={t('attendance.allPresentOn', { date: formatDay(date, 'long') })}>
              {t('attendance.allPresent')}
            </button>
          </th>
        ))}
        <th scope="col">{t('attendance.summaryCol')}</th>
      </tr>
    </thead>
  );
});

/** Each class day's counts: letters for the eye, words for screen readers. */
const GridFooter = memo(function GridFooter({ columnsKey, counts }: { columnsKey: string; counts: string }) {
  const t = useT();
  const columns = JSON.parse(columnsKey) as [string, string, string][];
  const perColumn = counts.split('|').map((c) => c.split(',').map(Number));
  return (
    <tfoot>
      <tr>
        <th scope="row" className="sticky-col">{t('attendance.dayTotals')}</th>
        {columns.map(([id], col) => {
          const values = perColumn[col] ?? [];
          const words = markOrder.map((s, i) => t(`attendance.count.${s}`, { count: values[i] ?? 0 }));
          return (
            <td key={id} className="day-totals">
              <span aria-hidden="true">{(['present', 'late', 'excused', 'absent'] as const).map((s, i) => `${statusLetter[s]} ${values[i] ?? 0}`).join(' · ')}</span>
              <span className="visually-hidden">{words.join(', ')}</span>
            </td>
          );
        })}
        <td />
      </tr>
    </tfoot>
  );
});
