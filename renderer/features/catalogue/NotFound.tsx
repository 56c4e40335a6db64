import { Link } from 'react-router';
import { useT } from '../../i18n';

/** Shown when a link points at a course or session this device does not hold. */
export function NotFound() {
  const t = useT();
  return (
    <section className="empty-state">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to="/">{t('notFound.back')}</Link>
    </section>
  );
}
