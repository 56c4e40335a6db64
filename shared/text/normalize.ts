/**
 * Text folding for search: the same key for text that a person would call "the same".
 *
 * - width: NFKC turns full-width Latin and half-width katakana into their usual forms;
 * - accents: NFD then dropping combining marks, so "Türkiye" matches "turkiye";
 * - case: lower case, with the special cases (ß → ss, Turkish dotted İ) folded;
 * - Arabic: tashkeel and tatweel removed and the alef / ya / ta marbuta variants folded, so a
 *   search typed without hamza finds the title written with it;
 * - Chinese needs no folding; matching is by substring, so any run of characters matches.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0640/g, '') // Arabic tatweel
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627') // alef variants → bare alef
    .replace(/\u0649/g, '\u064A') // alef maqsura → ya
    .replace(/\u0629/g, '\u0647') // ta marbuta → ha
    .replace(/\u0130/g, 'i')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a query into folded terms; every term must match for a row to match. */
export function searchTerms(query: string): string[] {
  const folded = foldForSearch(query);
  return folded === '' ? [] : folded.split(' ');
}

/** True when every term occurs somewhere in the folded haystack. */
export function matchesAll(haystack: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!haystack.includes(term)) return false;
  return true;
}
