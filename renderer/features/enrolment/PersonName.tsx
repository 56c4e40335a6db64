import type { Person } from '../../../shared/domain/people';

/**
 * A person's name as written in their own script, with the Latin spelling beside it when it
 * differs; each part keeps its own direction inside a right-to-left or left-to-right page.
 */
export function PersonName({ person }: { person: Pick<Person, 'nativeName' | 'latinName'> | undefined }) {
  if (!person) return <span className="muted">—</span>;
  const latin = person.latinName && person.latinName !== person.nativeName ? person.latinName : '';
  return (
    <span className="person-name">
      <bdi dir="auto">{person.nativeName}</bdi>
      {latin && (
        <>
          {' '}
          <bdi dir="auto" className="muted latin-name">
            {latin}
          </bdi>
        </>
      )}
    </span>
  );
}
