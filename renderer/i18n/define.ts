/**
 * A feature's own interface messages, complete in every language (the type checker refuses a
 * missing translation). Keys are prefixed with the feature's name, e.g. `people.search`.
 */
export function defineMessages<K extends string>(messages: {
  en: Record<K, string>;
  zh: Record<K, string>;
  ar: Record<K, string>;
}) {
  return messages;
}
