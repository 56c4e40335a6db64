import { create } from 'zustand';
import { Link } from 'react-router';
import { localToday } from '../../../shared/domain/vocabulary';
import { runBatch } from '../../db';
import { useT } from '../../i18n';
import { ProgressBar } from '../../ui/ProgressBar';

type DemoLoad = { progress: { done: number; total: number } | null; failed: string | null };

/** Progress of the demo load; outlives the offer so the bar stays while the list fills in. */
export const useDemoLoad = create<DemoLoad>(() => ({ progress: null, failed: null }));
const setProgress = (progress: DemoLoad['progress']) => useDemoLoad.setState({ progress });
const setFailed = (failed: string | null) => useDemoLoad.setState({ failed });

/** First run: offer a realistic demo catalogue, loaded through the same mutations as any edit. */
export function DemoOffer() {
  const t = useT();
  const { progress, failed } = useDemoLoad();

  async function load() {
    // The demo content is only fetched when someone asks for it.
    const { demoWorkspace } = await import('../../../shared/demo');
    const calls = demoWorkspace(localToday());
    setFailed(null);
    setProgress({ done: 0, total: calls.length });
    const outcomes = await runBatch(calls, {
      chunkSize: 25,
      onProgress: (done, total) => setProgress({ done, total }),
    });
    const refused = outcomes.filter((o) => !o.ok).length;
    if (refused > 0) setFailed(t('demo.partial', { count: refused }));
    setProgress(null);
  }

  return (
    <section className="empty-state" aria-labelledby="demo-title">
      <h2 id="demo-title">{t('demo.title')}</h2>
      <p>{t('demo.body')}</p>
      {progress ? (
        <ProgressBar
          label={t('demo.loading', { done: progress.done, total: progress.total })}
          value={progress.done}
          max={progress.total}
        />
      ) : (
        <div className="actions">
          <button type="button" className="primary" onClick={() => void load()}>
            {t('demo.load')}
          </button>
          <Link to="/programmes/new" className="button">
            {t('demo.startEmpty')}
          </Link>
        </div>
      )}
      {failed && (
        <p role="alert" className="notice-error">
          {failed}
        </p>
      )}
    </section>
  );
}
