import { useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { AttendanceStatus } from '../../../shared/domain/vocabulary';
import { useMutate } from '../../db';
import { useErrorText, useFormatDay, useT } from '../../i18n';
import { useSettings } from '../../state/settings';
import { useSession } from '../../state/session';
import { sessionActor } from '../../sync/state';
import { useNoticeText } from '../enrolment';
import { useCurrentRole } from '../hubAdmin';
import { dismissEntry, useConflicts, useInboxEntries, type DescribedConflict, type DescribedEntry } from './data';
import { reasonOf, subjectText, summaryId, type Subject } from './describe';
import './attention.css';

/**
 * "Needs attention": what the hub adjusted or refused of this device's changes, and (for
 * coordinators) attendance two devices recorded differently. Items are never removed: a seen
 * change moves to "already seen", a settled conflict to "settled".
 */
export function AttentionScreen() {
  const t = useT();
  const role = useCurrentRole();
  const entries = useInboxEntries();
  const conflicts = useConflicts();
  if (entries === undefined || (role === 'coordinator' && conflicts === undefined)) return <p className="loading">{t('common.loading')}</p>;
  const open = entries.filter((e) => !e.entry.dismissed);
  const seen = entries.filter((e) => e.entry.dismissed);
  const openConflicts = role === 'coordinator' ? (conflicts ?? []).filter((c) => c.conflict.state === 'open') : [];
  const settled = role === 'coordinator' ? (conflicts ?? []).filter((c) => c.conflict.state === 'resolved') : [];
  return (
    <section className="attention" aria-labelledby="attention-title">
      <h1 id="attention-title">{t('attention.title')}</h1>
      <p className="summary">{t('attention.intro')}</p>
      {open.length === 0 && openConflicts.length === 0 && (
        <p className="notice-ok" role="status">
          {t('attention.allClear')}
        </p>
      )}
      <Changes open={open} seen={seen} />
      {role === 'coordinator' && <Conflicts open={openConflicts} settled={settled} />}
    </section>
  );
}

/** Puts the words a subject needs into the reader's language. */
function useSubjectText(): (subject: Subject) => string {
  const t = useT();
  const formatDay = useFormatDay();
  return useMemo(() => {
    const words = {
      day: (d: string) => formatDay(d),
      classDay: (date: string) => t('attention.subject.classDay', { date }),
      dateRange: (start: string, end: string) => t('session.dateRange', { start, end }),
      gone: t('attention.subject.gone'),
      none: t('attention.subject.none'),
    };
    return (subject: Subject) => subjectText(subject, words);
  }, [t, formatDay]);
}

function Changes({ open, seen }: { open: DescribedEntry[]; seen: DescribedEntry[] }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const gotIt = async (index: number) => {
    const item = open[index]!;
    // Focus goes to the next item still open (or the one before), else to the list's heading.
    const next = open[index + 1] ?? open[index - 1];
    await dismissEntry(item.entry.id);
    requestAnimationFrame(() => (next ? buttons.current.get(next.entry.id) : heading.current)?.focus());
  };

  return (
    <section aria-labelledby="attention-changes">
      <h2 id="attention-changes" ref={heading} tabIndex={-1}>
        {t('attention.changes.title', { count: open.length })}
      </h2>
      {open.length === 0 ? (
        <p className="muted">{t('attention.changes.none')}</p>
      ) : (
        <ul className="attention-list">
          {open.map((item, index) => (
            <EntryItem
              key={item.entry.id}
              item={item}
              onGotIt={() => void gotIt(index)}
              buttonRef={(el) => {
                if (el) buttons.current.set(item.entry.id, el);
                else buttons.current.delete(item.entry.id);
              }}
            />
          ))}
        </ul>
      )}
      {seen.length > 0 && (
        <details className="attention-seen">
          <summary>{t('attention.seen.title', { count: seen.length })}</summary>
          <ul className="attention-list">
            {seen.map((item) => (
              <EntryItem key={item.entry.id} item={item} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function EntryItem({ item, onGotIt, buttonRef }: { item: DescribedEntry; onGotIt?: () => void; buttonRef?: (el: HTMLButtonElement | null) => void }) {
  const t = useT();
  const intl = useIntl();
  const errorText = useErrorText();
  const noticeText = useNoticeText();
  const describe = useSubjectText();
  const { entry, subject } = item;
  const summary = t(summaryId(entry.name), { name: entry.name });
  const about = describe(subject);
  const reason = reasonOf(entry);
  const when = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  const titleId = `attention-entry-${entry.id}`;
  return (
    <li className={`attention-item attention-${entry.kind}`} aria-labelledby={titleId}>
      <h3 id={titleId}>
        <span className={`badge ${entry.kind === 'rejected' ? 'badge-refused' : 'badge-adjusted'}`}>{t(entry.kind === 'rejected' ? 'attention.badge.refused' : 'attention.badge.adjusted')}</span>
        {summary}
      </h3>
      <p className="attention-subject">
        <bdi dir="auto">{about}</bdi>
      </p>
      <p className={reason.kind === 'rejected' ? 'attention-reason refused' : 'attention-reason'}>
        {reason.kind === 'rejected' && t('attention.refused', { text: errorText(reason.error) })}
        {reason.kind === 'adjusted' && t('attention.adjusted', { text: reason.notices.map(noticeText).join(' ') })}
        {reason.kind === 'unexplained' && t('attention.unexplained')}
      </p>
      <p className="muted attention-when">{t('attention.madeAt', { made: when(entry.at), answered: when(entry.receivedAt) })}</p>
      {onGotIt && (
        <button type="button" ref={buttonRef} onClick={onGotIt} aria-label={t('attention.gotItLabel', { summary, subject: about })}>
          {t('attention.gotIt')}
        </button>
      )}
    </li>
  );
}

function Conflicts({ open, settled }: { open: DescribedConflict[]; settled: DescribedConflict[] }) {
  const t = useT();
  const mutate = useMutate();
  const errorText = useErrorText();
  const formatDay = useFormatDay();
  const heading = useRef<HTMLHeadingElement>(null);
  const firstButtons = useRef(new Map<string, HTMLButtonElement>());
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const pick = async (index: number, status: AttendanceStatus) => {
    const item = open[index]!;
    const next = open[index + 1] ?? open[index - 1];
    const outcome = await mutate({ name: 'conflict.resolve', args: { id: item.conflict.id, status } });
    const name = item.trainee ?? t('attention.unknownPerson');
    const date = item.meetingDate ? formatDay(item.meetingDate) : '—';
    setMessage(outcome.ok ? { ok: true, text: t('attention.conflict.done', { name, date, status: t(`attendance.status.${status}`) }) } : { ok: false, text: errorText(outcome.error) });
    if (outcome.ok) requestAnimationFrame(() => (next ? firstButtons.current.get(next.conflict.id) : heading.current)?.focus());
  };

  return (
    <section aria-labelledby="attention-conflicts">
      <h2 id="attention-conflicts" ref={heading} tabIndex={-1}>
        {t('attention.conflicts.title', { count: open.length })}
      </h2>
      <p className="summary muted">{t('attention.conflicts.intro')}</p>
      {message && (
        <p className={message.ok ? 'notice-ok' : 'notice-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {open.length === 0 ? (
        <p className="muted">{t('attention.conflicts.none')}</p>
      ) : (
        <ul className="attention-list">
          {open.map((item, index) => (
            <ConflictItem
              key={item.conflict.id}
              item={item}
              onPick={(status) => void pick(index, status)}
              firstButtonRef={(el) => {
                if (el) firstButtons.current.set(item.conflict.id, el);
                else firstButtons.current.delete(item.conflict.id);
              }}
            />
          ))}
        </ul>
      )}
      {settled.length > 0 && (
        <>
          <h3>{t('attention.conflicts.resolvedTitle', { count: settled.length })}</h3>
          <ul className="attention-list">
            {settled.map((item) => (
              <ConflictItem key={item.conflict.id} item={item} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Who recorded a value: the person's name and device, or just the device. */
function useRecorderText(): (who: { device: string; person?: string }) => string {
  const t = useT();
  // A change made here names this device as the changes it makes do: say "this device" instead.
  const localId = useSettings((s) => s.deviceId);
  const session = useSession((s) => s.session);
  const deviceId = session ? sessionActor(session).deviceId : localId;
  return (who) => {
    const device = who.device === deviceId ? t('attention.thisDevice') : who.device;
    return who.person ? t('attention.personOnDevice', { name: who.person, device }) : who.device === deviceId ? device : t('attention.device', { name: device });
  };
}

function ConflictItem({ item, onPick, firstButtonRef }: { item: DescribedConflict; onPick?: (status: AttendanceStatus) => void; firstButtonRef?: (el: HTMLButtonElement | null) => void }) {
  const t = useT();
  const intl = useIntl();
  const formatDay = useFormatDay();
  const describe = useSubjectText();
  const recorderText = useRecorderText();
  const { conflict } = item;
  const name = item.trainee ?? t('attention.unknownPerson');
  const date = item.meetingDate ? formatDay(item.meetingDate) : '—';
  const when = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  const where = describe({ course: item.course, session: item.session, meetingDate: item.meetingDate, gone: !item.session });
  // One button per distinct value, in the order the hub received them.
  const choices = [...new Set(conflict.values.map((v) => v.status))];
  const titleId = `attention-conflict-${conflict.id}`;
  return (
    <li className={`attention-item attention-conflict ${conflict.state}`} aria-labelledby={titleId}>
      <h3 id={titleId}>
        <bdi dir="auto">{name}</bdi>
      </h3>
      <p className="attention-subject">
        <bdi dir="auto">{where}</bdi>
      </p>
      <ol className="conflict-values">
        {conflict.values.map((value, i) => (
          <li key={i}>
            {t('attention.conflict.value', { status: t(`attendance.status.${value.status}`), who: recorderText(item.recorders[i] ?? { device: value.recordedBy }), when: when(value.recordedAt) })}
            {conflict.state === 'open' && i === conflict.values.length - 1 && <span className="badge badge-muted">{t('attention.conflict.current')}</span>}
          </li>
        ))}
      </ol>
      {conflict.state === 'resolved' && conflict.chosen && (
        <p className="notice-ok">
          {t('attention.conflict.resolved', {
            status: t(`attendance.status.${conflict.chosen}`),
            who: item.resolvedBy ? recorderText(item.resolvedBy) : '—',
            when: when(conflict.updatedAt),
          })}
        </p>
      )}
      {onPick && (
        <div className="actions">
          {choices.map((status, i) => (
            <button
              key={status}
              type="button"
              ref={i === 0 ? firstButtonRef : undefined}
              onClick={() => onPick(status)}
              aria-label={t('attention.conflict.pickLabel', { status: t(`attendance.status.${status}`), name, date })}
            >
              {t('attention.conflict.pick', { status: t(`attendance.status.${status}`) })}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}
