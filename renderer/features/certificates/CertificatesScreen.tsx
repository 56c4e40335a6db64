import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { organisationCode, webAddress } from '../../../shared/domain/certificates';
import { foldForSearch } from '../../../shared/text/normalize';
import { db, useLiveQuery } from '../../db';
import { useErrorText, useFormatDay, useT } from '../../i18n';
import { useSession, useSite } from '../../state/session';
import { SelectField, TextField } from '../../ui/fields';
import { useCatalogueLabels } from '../catalogue';
import { useCertificates, useSigning } from './data';
import { downloadJson } from './download';
import { rotateDeviceKey, setUpSigning, verificationKit } from './signing';
import './certificates.css';

/** Coordinators' certificates: set up signing once, issue by session, find and open any certificate. */
export function CertificatesScreen() {
  const t = useT();
  const signing = useSigning();
  const site = useSite();
  const labels = useCatalogueLabels();
  if (!signing) return <p className="loading">{t('common.loading')}</p>;
  return (
    <div className="certificates-screen">
      <h1>{t('certificates.title')}</h1>
      {signing.device ? (
        <SigningStatus organisation={signing.device.name} keyCode={signing.device.keyCode} canRotate={!site} />
      ) : site ? (
        // Setting up signing makes a key that speaks for the whole organisation: not a site's to make.
        <section className="card" aria-labelledby="setup-title">
          <h2 id="setup-title">{t('certificates.setup.title')}</h2>
          <p>{t('certificates.setup.bySiteCoordinator', { country: labels.country(site) })}</p>
        </section>
      ) : (
        <SetUpSigning hasOtherKeys={signing.issuers.length > 0} />
      )}
      {signing.device && <IssueBySession />}
      <IssuedList />
    </div>
  );
}

function SigningStatus({ organisation, keyCode, canRotate }: { organisation: string; keyCode: string; canRotate: boolean }) {
  const t = useT();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const rotate = async () => {
    if (!window.confirm(t('certificates.rotate.confirm'))) return;
    setBusy(true);
    setProblem('');
    try {
      const outcomes = await rotateDeviceKey();
      const refused = outcomes.find((o) => !o.ok);
      if (refused && !refused.ok) setProblem(errorText(refused.error));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setProblem(reason === 'root-not-on-device' ? t('certificates.rotate.noRoot') : t('certificates.setup.failed', { reason }));
    } finally {
      setBusy(false);
    }
  };
  const exportKit = async () => {
    setBusy(true);
    setProblem('');
    try {
      const kit = await verificationKit();
      downloadJson(kit, `verification-kit-${kit.asOf.slice(0, 10)}.json`);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card signing-status" aria-labelledby="signing-title">
      <h2 id="signing-title">{t('certificates.signing.ready', { organisation })}</h2>
      <p className="muted">{t('certificates.signing.deviceKey', { keyCode })}</p>
      <div className="actions">
        <button type="button" onClick={() => void exportKit()} disabled={busy}>
          {t('certificates.kit.download')}
        </button>
        {canRotate && (
          <button type="button" onClick={() => void rotate()} disabled={busy}>
            {t('certificates.rotate.button')}
          </button>
        )}
        <Link to="/verify">{t('certificates.verify.open')}</Link>
      </div>
      <p className="field-hint">{t('certificates.kit.hint')}</p>
      {problem && (
        <p className="notice-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

type SetupErrors = Partial<Record<'organisationName' | 'organisationCode' | 'verifyUrl', string>>;

function SetUpSigning({ hasOtherKeys }: { hasOtherKeys: boolean }) {
  const t = useT();
  const errorText = useErrorText();
  // Signed in to a hub: the organisation is the hub's, and certificates link to its /verify page.
  const session = useSession((s) => s.session);
  const [values, setValues] = useState(() => ({
    organisationName: session?.organisation.name ?? '',
    organisationCode: session?.organisation.code ?? '',
    verifyUrl: session ? session.hubUrl.replace(/\/+$/, '') : '',
  }));
  const [errors, setErrors] = useState<SetupErrors>({});
  const [state, setState] = useState<string>('idle');
  const label = {
    organisationName: t('certificates.setup.organisation'),
    organisationCode: t('certificates.setup.code'),
    verifyUrl: t('certificates.setup.verifyUrl'),
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: SetupErrors = {};
    const name = values.organisationName.trim();
    if (!name) found.organisationName = errorText({ code: 'required', params: {} }, label.organisationName);
    const code = organisationCode.safeParse(values.organisationCode.trim().toUpperCase());
    if (!code.success) found.organisationCode = errorText({ code: 'code-format', params: {} }, label.organisationCode);
    const url = webAddress.safeParse(values.verifyUrl);
    if (!url.success) found.verifyUrl = errorText({ code: 'invalid', params: {} }, label.verifyUrl);
    setErrors(found);
    if (Object.keys(found).length || !code.success || !url.success) return;
    setState('working');
    try {
      const outcomes = await setUpSigning({ organisationName: name, organisationCode: code.data, verifyUrl: url.data });
      const refused = outcomes.find((o) => !o.ok);
      setState(refused && !refused.ok ? errorText(refused.error) : 'idle');
    } catch (error) {
      setState(t('certificates.setup.failed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };
  return (
    <form className="form card" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="setup-title">
      <h2 id="setup-title">{t('certificates.setup.title')}</h2>
      <p>{t(hasOtherKeys ? 'certificates.setup.introOtherDevice' : 'certificates.setup.intro')}</p>
      <div className="form-grid">
        <TextField
          label={label.organisationName}
          error={errors.organisationName}
          value={values.organisationName}
          dir="auto"
          onChange={(e) => setValues({ ...values, organisationName: e.target.value })}
        />
        <TextField
          label={label.organisationCode}
          hint={t('certificates.setup.codeHint')}
          error={errors.organisationCode}
          value={values.organisationCode}
          dir="ltr"
          onChange={(e) => setValues({ ...values, organisationCode: e.target.value })}
        />
        <TextField
          label={label.verifyUrl}
          hint={t('certificates.setup.verifyUrlHint')}
          error={errors.verifyUrl}
          value={values.verifyUrl}
          type="url"
          dir="ltr"
          placeholder="https://verify.example.org"
          onChange={(e) => setValues({ ...values, verifyUrl: e.target.value })}
        />
      </div>
      {state !== 'idle' && state !== 'working' && (
        <p className="notice-error" role="alert">
          {state}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={state === 'working'}>
          {t(state === 'working' ? 'certificates.setup.working' : 'certificates.setup.submit')}
        </button>
      </div>
    </form>
  );
}

/** Pick a session whose trainees get certificates: the ones that ended or are running, latest first. */
function IssueBySession() {
  const t = useT();
  const navigate = useNavigate();
  const [sessionId, setSessionId] = useState('');
  const sessions = useLiveQuery(async () => {
    const today = new Date().toISOString().slice(0, 10);
    const started = await db.sessions.filter((s) => !s.archived && s.status !== 'cancelled' && s.startDate <= today).toArray();
    const courses = new Map((await db.courses.bulkGet([...new Set(started.map((s) => s.courseId))])).flatMap((c) => (c ? [[c.id, c]] : [])));
    return started
      .sort((a, b) => b.endDate.localeCompare(a.endDate))
      .slice(0, 300)
      .map((s) => ({ id: s.id, label: `${courses.get(s.courseId)?.code ?? ''} ${s.title || courses.get(s.courseId)?.title || ''} — ${s.city} (${s.startDate} – ${s.endDate})` }));
  }, []);
  if (!sessions) return null;
  return (
    <section className="card" aria-labelledby="issue-title">
      <h2 id="issue-title">{t('certificates.issue.title')}</h2>
      <p className="muted">{t('certificates.issue.intro')}</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (sessionId) void navigate(`/sessions/${sessionId}/certificates`);
        }}
      >
        <SelectField
          label={t('certificates.issue.session')}
          value={sessionId}
          onChange={(e) => setSessionId(e.target.value)}
          options={[{ value: '', label: t('certificates.issue.chooseSession') }, ...sessions.map((s) => ({ value: s.id, label: s.label }))]}
        />
        <button type="submit" disabled={!sessionId}>
          {t('certificates.issue.open')}
        </button>
      </form>
    </section>
  );
}

/** Every certificate on this device, searchable by name, serial or course. */
function IssuedList() {
  const t = useT();
  const formatDay = useFormatDay();
  const certificates = useCertificates('all');
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    if (!certificates) return [];
    const q = foldForSearch(query.trim());
    const matches = q
      ? certificates.filter((c) => foldForSearch(`${c.name} ${c.serial} ${c.courseCode} ${c.courseTitle}`).includes(q))
      : certificates;
    return matches.slice(0, 200);
  }, [certificates, query]);
  if (!certificates) return null;
  return (
    <section aria-labelledby="issued-title">
      <h2 id="issued-title">{t('certificates.list.title', { count: certificates.length })}</h2>
      <div className="search-bar">
        <input
          type="search"
          aria-label={t('certificates.list.search')}
          placeholder={t('certificates.list.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {certificates.length === 0 ? (
        <p className="muted">{t('certificates.list.none')}</p>
      ) : (
        <table className="table certificate-table">
          <thead>
            <tr>
              <th scope="col">{t('certificates.list.serial')}</th>
              <th scope="col">{t('certificates.list.name')}</th>
              <th scope="col">{t('certificates.list.course')}</th>
              <th scope="col">{t('certificates.list.issued')}</th>
              <th scope="col">{t('certificates.list.status')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/certificates/${c.id}`} className="serial">
                    {c.serial}
                  </Link>
                </td>
                <td>
                  <bdi>{c.name}</bdi>
                </td>
                <td>
                  {c.courseCode} <bdi>{c.courseTitle}</bdi>
                </td>
                <td>{formatDay(c.issuedAt.slice(0, 10))}</td>
                <td>
                  {c.revokedAt ? (
                    <span className="badge badge-revoked">{t('certificates.status.revoked')}</span>
                  ) : (
                    <span className="badge badge-open">{t('certificates.status.active')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown.length < certificates.length && query.trim() === '' && (
        <p className="muted">{t('certificates.list.more', { shown: shown.length, count: certificates.length })}</p>
      )}
    </section>
  );
}
