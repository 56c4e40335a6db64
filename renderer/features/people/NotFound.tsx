import { Link } from 'react-router';
import { useT } from '../../i18n';

/** Shown when a link points at a person or institution this device does not hold. */
export function NotFound({ back = '/people' }: { back?: string }) {
  const t = useT();
  return (
    <section className="empty-state">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to={back}>
        {t(back === '/institutions' ? 'people.backToInstitutions' : 'people.backToPeople')}
      </Link>
    </section>
  );
}
