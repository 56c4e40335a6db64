import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useCountryName, useT } from '../../i18n';
import { useConnectivity } from '../../state/connectivity';
import { useSite } from '../../state/session';
import { fetchDevices, useHubProblemText, useHubSession, useRoleText, type DeviceHealth, type HubProblem } from '../hubAdmin';
import { isQuiet, relativeTo } from './relativeTime';

type Loaded = ({ devices: DeviceHealth[] } | { problem: HubProblem }) & { at: number; request: number };

/** The hub's per-device health for coordinators: last contact and changes still waiting. */
export function DevicesScreen() {
  const t = useT();
  const intl = useIntl();
  const problemText = useHubProblemText();
  const roleText = useRoleText();
  const countryName = useCountryName();
  // A site coordinator's hub lists the devices of their site only (server/scope.ts accountsInView).
  const site = useSite();
  const online = useConnectivity((s) => s.online);
  const { loading, session } = useHubSession();
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  // Each refresh (the button, the link coming back) is one request; the page shows the latest answer.
  const [request, setRequest] = useState(0);
  const busy = Boolean(session) && loaded?.request !== request;

  useEffect(() => {
    if (!session || !online) return;
    let current = true;
    void fetchDevices(session).then((answer) => {
      if (!current) return;
      const at = Date.now();
      setLoaded(answer.ok ? { devices: answer.value.devices, at, request } : { problem: answer.problem, at, request });
    });
    return () => {
      current = false;
    };
  }, [session, online, request]);

  if (loading) return <p className="loading">{t('common.loading')}</p>;

  const lastContact = (iso: string, now: number) => {
    const rel = relativeTo(iso, now);
    return rel ? intl.formatRelativeTime(rel.value, rel.unit, { numeric: 'auto' }) : t('devices.never');
  };

  return (
    <section aria-labelledby="devices-title">
      <div className="screen-header">
        <h1 id="devices-title">{t('devices.title')}</h1>
        {session && (
          <button type="button" onClick={() => setRequest((n) => n + 1)} disabled={busy && online}>
            {t('devices.refresh')}
          </button>
        )}
      </div>
      <p className="summary">{site ? t('devices.introSite', { country: countryName(site) }) : t('devices.intro')}</p>
      {!session && (
        <p className="notice" role="status">
          {t('devices.notSignedIn')}
        </p>
      )}
      {session && !online && (
        <p className="notice" role="status">
          {t('devices.offline')}
        </p>
      )}
      {session && busy && !loaded && <p className="loading">{t('devices.loading')}</p>}
      {loaded && 'problem' in loaded && (
        <p className="notice-error" role="alert">
          {loaded.problem.kind === 'offline' ? t('devices.offline') : problemText(loaded.problem)}
        </p>
      )}
      {loaded && 'devices' in loaded && (
        <>
          <p className="muted" role="status">
            {t('devices.count', { count: loaded.devices.length })} · {t('devices.asOf', { time: intl.formatTime(loaded.at, { timeStyle: 'short' }) })}
          </p>
          {loaded.devices.length === 0 ? (
            <p className="muted">{t('devices.none')}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('devices.col.device')}</th>
                  <th scope="col">{t('devices.col.account')}</th>
                  <th scope="col">{t('devices.col.role')}</th>
                  <th scope="col">{t('devices.col.lastContact')}</th>
                  <th scope="col">{t('devices.col.pending')}</th>
                  <th scope="col">{t('devices.col.pushed')}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.devices.map((d) => (
                  <tr key={d.clientId}>
                    <th scope="row">
                      <bdi dir="auto">{d.deviceName || t('devices.unnamed')}</bdi>
                      {d.clientId === session?.clientId && <span className="muted"> {t('devices.thisDevice')}</span>}
                    </th>
                    <td>
                      <bdi>{d.account}</bdi>
                    </td>
                    <td>{roleText(d.role, d.site)}</td>
                    <td>
                      <time dateTime={d.lastContact} title={d.lastContact ? intl.formatDate(d.lastContact, { dateStyle: 'medium', timeStyle: 'short' }) : undefined}>
                        {lastContact(d.lastContact, loaded.at)}
                      </time>
                      {isQuiet(d.lastContact, loaded.at) && <span className="badge badge-muted">{t('devices.quiet')}</span>}
                    </td>
                    <td>{intl.formatNumber(d.pending)}</td>
                    <td>{intl.formatNumber(d.pushed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
