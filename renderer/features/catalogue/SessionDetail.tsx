import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useLocation, useParams } from 'react-router';
import {
  meetingInput,
  type Meeting,
  type MeetingInput,
  type Session,
} from '../../../shared/domain/catalogue';
import { useMutate } from '../../db';
import { useErrorText, useFormatDay, useT } from '../../i18n';
import { TextField } from '../../ui/fields';
import { sharedSchemaResolver } from '../../ui/formResolver';
import { useSession } from './data';
import { showRefusal, useFieldError } from '../../ui/formErrors';
import { useCatalogueLabels } from './labels';
import { NotFound } from './NotFound';
import { useSettings } from '../../state/settings';
import { useRunsSession } from '../../state/session';

/** One session: where and when, and its class days, each editable. */
export function SessionDetail() {
  const { id } = useParams();
  const t = useT();
  const formatDay = useFormatDay();
  const errorText = useErrorText();
  const mutate = useMutate();
  const location = useLocation();
  const data = useSession(id);
  const role = useSettings((s) => s.role);
  const runs = useRunsSession();
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  if (data === undefined) return null;
  if (data === null) return <NotFound />;
  const { session, course, meetings } = data;
  // A site coordinator sees another country's session as instructors do: to read, not to change.
  const canEdit = runs(session);
  // Its roster and attendance: its instructors' and the coordinators who run it (a site has no rows of others).
  const isStaff = role === 'instructor' || canEdit;
  const saved = (location.state as { saved?: boolean } | null)?.saved;

  const toggleArchive = async () => {
    const outcome = await mutate({
      name: 'session.archive',
      args: { id: session.id, archived: !session.archived },
    });
    setProblem(outcome.ok ? null : errorText(outcome.error));
  };

  return (
    <article className="detail" aria-labelledby="session-title">
      <nav className="breadcrumbs" aria-label={t('nav.breadcrumbs')}>
        <Link to="/">{t('catalogue.title')}</Link> ›{' '}
        {course && <Link to={`/courses/${course.id}`}>{course.code}</Link>}
      </nav>
      {saved && (
        <p className="notice-ok" role="status">
          {t('form.saved')}
        </p>
      )}
      {problem && (
        <p className="notice-error" role="alert">
          {problem}
        </p>
      )}
      <div className="screen-header">
        <h1 id="session-title" dir="auto">
          {session.title || course?.title}{' '}
          <span className="muted">
            {t('session.dateRange', {
              start: formatDay(session.startDate),
              end: formatDay(session.endDate),
            })}
          </span>
        </h1>
        <div className="actions">
          {canEdit && (
            <Link className="button primary" to={`/sessions/${session.id}/edit`}>
              {t('common.edit')}
            </Link>
          )}
          {isStaff && (
            <Link className="button" to={`/sessions/${session.id}/roster`}>
              {t('enrolment.roster')}
            </Link>
          )}
          {isStaff && (
            <Link className="button" to={`/sessions/${session.id}/attendance`}>
              {t('attendance.title')}
            </Link>
          )}
          {canEdit && (
            <Link className="button" to={`/sessions/${session.id}/duplicate`}>
              {t('common.duplicate')}
            </Link>
          )}
          {canEdit && (
            <button type="button" onClick={() => void toggleArchive()}>
              {t(session.archived ? 'common.restore' : 'common.archive')}
            </button>
          )}
        </div>
      </div>
      <SessionFacts session={session} />
      <section aria-labelledby="days-title">
        <div className="section-header">
          <h2 id="days-title">{t('session.classDays', { count: meetings.length })}</h2>
          <button type="button" onClick={() => setEditing('new')}>
            {t('meeting.add')}
          </button>
        </div>
        <p className="muted">{t('session.timesIn', { zone: session.timeZone })}</p>
        {editing === 'new' && (
          <MeetingEditor
            sessionId={session.id}
            initial={{
              date: session.endDate,
              startTime: session.schedule.startTime,
              endTime: session.schedule.endTime,
              room: '',
              note: '',
              cancelled: false,
            }}
            onDone={() => setEditing(null)}
          />
        )}
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('field.meeting.date')}</th>
              <th scope="col">{t('field.meeting.time')}</th>
              <th scope="col">{t('field.meeting.room')}</th>
              <th scope="col">{t('field.meeting.note')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((m) =>
              editing === m.id ? (
                <tr key={m.id}>
                  <td colSpan={5}>
                    <MeetingEditor
                      sessionId={session.id}
                      meeting={m}
                      initial={m}
                      onDone={() => setEditing(null)}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={m.id} className={m.cancelled ? 'cancelled' : undefined}>
                  <td>
                    {formatDay(m.date, 'long')}
                    {m.cancelled && <span className="badge">{t('meeting.cancelled')}</span>}
                    {m.edited && <span className="badge badge-muted">{t('meeting.edited')}</span>}
                  </td>
                  <td>
                    {m.startTime}–{m.endTime}
                  </td>
                  <td dir="auto">{m.room}</td>
                  <td dir="auto">{m.note}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setEditing(m.id)}
                      aria-label={t('meeting.editDay', { date: formatDay(m.date, 'long') })}
                    >
                      {t('common.edit')}
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </section>
    </article>
  );
}

function SessionFacts({ session }: { session: Session }) {
  const t = useT();
  const labels = useCatalogueLabels();
  const formatDay = useFormatDay();
  return (
    <dl className="facts">
      <dt>{t('field.session.status')}</dt>
      <dd>
        {labels.status(session.status)}
        {session.archived ? ` · ${t('common.archived')}` : ''}
      </dd>
      <dt>{t('field.session.mode')}</dt>
      <dd>{labels.mode(session.mode)}</dd>
      <dt>{t('field.session.site')}</dt>
      <dd dir="auto">
        {[session.site, session.city, labels.country(session.country)].filter(Boolean).join(', ')}
      </dd>
      <dt>{t('field.session.capacity')}</dt>
      <dd>{session.capacity}</dd>
      <dt>{t('field.session.enrolmentWindow')}</dt>
      <dd>
        {t('session.dateRange', {
          start: formatDay(session.enrolmentOpens),
          end: formatDay(session.enrolmentCloses),
        })}
      </dd>
      <dt>{t('field.session.instructors')}</dt>
      <dd dir="auto">{session.instructors.join(', ') || '—'}</dd>
      <dt>{t('field.session.timeZone')}</dt>
      <dd>{session.timeZone}</dd>
    </dl>
  );
}

const meetingResolver = sharedSchemaResolver(meetingInput);

function MeetingEditor({
  sessionId,
  meeting,
  initial,
  onDone,
}: {
  sessionId: string;
  meeting?: Meeting;
  initial: MeetingInput;
  onDone: () => void;
}) {
  const t = useT();
  const mutate = useMutate();
  const { register, handleSubmit, formState, setError } = useForm<
    MeetingInput,
    unknown,
    MeetingInput
  >({
    defaultValues: {
      date: initial.date,
      startTime: initial.startTime,
      endTime: initial.endTime,
      room: initial.room ?? '',
      note: initial.note ?? '',
      cancelled: initial.cancelled,
    },
    resolver: meetingResolver,
  });
  const err = useFieldError(formState.errors);
  const onSubmit = async (values: MeetingInput) => {
    const outcome = meeting
      ? await mutate({ name: 'meeting.update', args: { ...values, id: meeting.id } })
      : await mutate({
          name: 'meeting.add',
          args: { ...values, id: crypto.randomUUID(), sessionId },
        });
    if (!outcome.ok) {
      showRefusal(outcome.error, setError);
      return;
    }
    onDone();
  };
  return (
    <form
      className="meeting-editor"
      noValidate
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
      aria-label={t(meeting ? 'meeting.editTitle' : 'meeting.add')}
    >
      <TextField
        type="date"
        label={t('field.meeting.date')}
        error={err('date', t('field.meeting.date'))}
        {...register('date')}
      />
      <TextField
        type="time"
        label={t('field.session.startTime')}
        error={err('startTime', t('field.session.startTime'))}
        {...register('startTime')}
      />
      <TextField
        type="time"
        label={t('field.session.endTime')}
        error={err('endTime', t('field.session.endTime'))}
        {...register('endTime')}
      />
      <TextField
        dir="auto"
        label={t('field.meeting.room')}
        error={err('room', t('field.meeting.room'))}
        {...register('room')}
      />
      <TextField
        dir="auto"
        label={t('field.meeting.note')}
        error={err('note', t('field.meeting.note'))}
        {...register('note')}
      />
      <label className="checkbox">
        <input type="checkbox" {...register('cancelled')} /> {t('meeting.cancelDay')}
      </label>
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('form.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
