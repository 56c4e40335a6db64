/**
 * Reading the values of one cell as coordinators write them in a spreadsheet: countries by code
 * or name in any of the catalogue's languages, languages by name or code, roles and genders in
 * six languages, dates in the three unambiguous day-first or ISO forms.
 * Each reader answers the value, or null when it cannot read the cell.
 */
import { courseLanguages, isCountryCode, partnerCountries } from '../../../../shared/domain/values';
import { personRoles, type PersonRole } from '../../../../shared/domain/vocabulary';
import type { genders } from '../../../../shared/domain/people';
import { foldForSearch } from '../../../../shared/text/normalize';

/** Splits a list cell: "a; b", "a, b", "a / b", "a、b", "a，b", "a | b", one per line. */
export function splitList(cell: string): string[] {
  return cell
    .split(/[,;/|\n\r\u3001\uFF0C\uFF1B\u060C\u061B]+/u)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Folding for value lookup: `foldForSearch` plus dots, dashes, apostrophes and brackets as spaces. */
export function foldValue(value: string): string {
  return foldForSearch(value)
    .replace(/[.\-_'’()[\]"]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Remembers the answers of a reader of cell text: a spreadsheet repeats the same few countries,
 * languages, roles and genders thousands of times, and folding text is the slow part.
 */
function memoised<T>(read: (value: string) => T): (value: string) => T {
  const memo = new Map<string, T>();
  return (value) => {
    if (memo.has(value)) return memo.get(value) as T;
    const answer = read(value);
    if (memo.size > 10_000) memo.clear();
    memo.set(value, answer);
    return answer;
  };
}

/** Locales whose names of countries and languages are recognised (the catalogue's languages). */
const nameLocales: readonly string[] = courseLanguages;

/** Region codes that Intl names but that are not countries a person lives in. */
const notCountries = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO', 'AQ']);

/** Common other names and ISO alpha-3 codes of the partner countries (Intl gives the rest). */
// prettier-ignore
const countryAliases: Record<string, string> = {
  turkey: 'TR', turquie: 'TR', turquia: 'TR', 'hong kong': 'HK', 'hong kong china': 'HK', 香港: 'HK', 'mainland china': 'CN',
  prc: 'CN', "people's republic of china": 'CN', 'p r china': 'CN', 'pr china': 'CN', 中华人民共和国: 'CN', 中国大陆: 'CN',
  uk: 'GB', 'great britain': 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB', britain: 'GB',
  usa: 'US', 'u s a': 'US', 'u s': 'US', america: 'US', 'united states of america': 'US', 'russian federation': 'RU',
  'islamic republic of iran': 'IR', persia: 'IR', 'republic of south africa': 'ZA', rsa: 'ZA', 'kingdom of bahrain': 'BH',
  'kingdom of thailand': 'TH', 'republic of turkey': 'TR', 'republic of turkiye': 'TR',
  CHN: 'CN', HKG: 'HK', PAK: 'PK', TUR: 'TR', EGY: 'EG', BHR: 'BH', THA: 'TH', ZAF: 'ZA', PER: 'PE', IRN: 'IR', RUS: 'RU',
  ITA: 'IT', FRA: 'FR', DEU: 'DE', JPN: 'JP', GBR: 'GB', USA: 'US', CHE: 'CH', SWE: 'SE', BRA: 'BR', IDN: 'ID', NGA: 'NG',
  ETH: 'ET', SDN: 'SD', DZA: 'DZ', AZE: 'AZ', BLR: 'BY', NIC: 'NI', SRB: 'RS', VEN: 'VE', KAZ: 'KZ', SEN: 'SN',
};

/**
 * The current code for a region code Intl knows, or null: old and alias codes are replaced
 * (UK → GB, SU → RU, YU → RS, ZR → CD), and codes that are not countries are refused.
 */
function canonicalCountry(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code) || notCountries.has(code) || !isCountryCode(code)) return null;
  try {
    const region = new Intl.Locale(Intl.getCanonicalLocales(`und-${code}`)[0] ?? '').region;
    return region && !notCountries.has(region) && isCountryCode(region) ? region : null;
  } catch {
    return null;
  }
}

/** Every current ISO 3166 alpha-2 country code Intl names (AA…ZZ, filtered), partner countries first. */
export function allCountryCodes(): string[] {
  const codes = new Set<string>(partnerCountries);
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (canonicalCountry(code) === code) codes.add(code);
    }
  return [...codes];
}

/** Country names by folded name, filled in two stages (see `readCountry`). */
const countryIndex = new Map<string, string>();
const ambiguousCountryNames = new Set<string>();
let countryStage = 0;

function addCountryName(name: string | undefined, code: string): void {
  if (!name) return;
  const key = foldValue(name);
  if (key === '' || ambiguousCountryNames.has(key)) return;
  const known = countryIndex.get(key);
  if (known === undefined) countryIndex.set(key, code);
  else if (known !== code && !(partnerCountries as readonly string[]).includes(known)) {
    // Two countries under one name: keep the partner country if one is, else neither.
    countryIndex.delete(key);
    ambiguousCountryNames.add(key);
  }
}

function addCountryNames(locale: string, style: 'long' | 'short', codes: readonly string[]): void {
  const names = new Intl.DisplayNames([locale], { type: 'region', style, fallback: 'none' });
  for (const code of codes) addCountryName(names.of(code), code);
}

/**
 * Stage 1 (cheap, enough for most files): the aliases, every country's English names, and the
 * partner countries' names in every catalogue language. Stage 2 (on the first miss, ~0.3 s):
 * every country in every catalogue language.
 */
function growCountryIndex(): boolean {
  if (countryStage === 0) {
    for (const [alias, code] of Object.entries(countryAliases)) addCountryName(alias, code);
    const codes = allCountryCodes();
    addCountryNames('en', 'long', codes);
    addCountryNames('en', 'short', codes);
    for (const locale of nameLocales) addCountryNames(locale, 'long', partnerCountries);
  } else if (countryStage === 1) {
    const codes = allCountryCodes();
    for (const locale of nameLocales) addCountryNames(locale, 'long', codes);
  } else return false;
  countryStage++;
  return true;
}

/**
 * The ISO code of a country written as a code ("PK", "pk", "UK" → GB, "PAK" for partner countries) or a
 * name in one of the catalogue's languages ("Pakistan", "Türkiye", "Turkey", "中国", "مصر",
 * "Россия"); null when unknown.
 */
export const readCountry: (cell: string) => string | null = memoised((cell) => {
  const value = cell.trim();
  if (value === '') return null;
  const upper = value.toUpperCase();
  let answer = canonicalCountry(upper) ?? countryAliases[upper] ?? null;
  if (answer === null) {
    const key = foldValue(value);
    do answer = countryIndex.get(key) ?? null;
    while (answer === null && growCountryIndex());
  }
  return answer;
});

/** Other names of the catalogue's languages. */
// prettier-ignore
const languageAliases: Record<string, string> = {
  mandarin: 'zh', 'mandarin chinese': 'zh', 'chinese mandarin': 'zh', putonghua: 'zh', 中文: 'zh', 汉语: 'zh', 漢語: 'zh',
  普通话: 'zh', 华语: 'zh', 國語: 'zh', 英文: 'en', 法文: 'fr', 西班牙文: 'es', 俄文: 'ru', 阿拉伯文: 'ar', 日文: 'ja', 德文: 'de',
  farsi: 'fa', persan: 'fa', bahasa: 'id', 'bahasa indonesia': 'id', 'indonesian bahasa': 'id', anglais: 'en', ingles: 'en',
  'английский': 'en', 'китайский': 'zh', 'русский': 'ru', 'французский': 'fr', 'испанский': 'es', 'арабский': 'ar',
  'الانجليزية': 'en', 'الانكليزية': 'en', 'الصينية': 'zh', 'الفرنسية': 'fr', 'العربية': 'ar', 'الروسية': 'ru', 'الاسبانية': 'es',
  'brazilian portuguese': 'pt', 'turkce': 'tr',
};

let languageIndex: Map<string, string> | undefined;

function buildLanguageIndex(): Map<string, string> {
  const index = new Map<string, string>();
  const add = (name: string | undefined, code: string) => {
    if (!name) return;
    const key = foldValue(name);
    if (key !== '' && !index.has(key)) index.set(key, code);
  };
  for (const code of courseLanguages) add(code, code);
  for (const [alias, code] of Object.entries(languageAliases)) add(alias, code);
  for (const locale of [...nameLocales])
    for (const code of courseLanguages) {
      add(new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(code), code);
    }
  // Each language's own name for itself (اردو, فارسی, ภาษาไทย, Türkçe, 日本語…).
  for (const code of courseLanguages)
    add(new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code), code);
  return index;
}

/**
 * The catalogue code of one language written as a code or tag ("zh", "zh-CN", "pt_BR", "EN")
 * or a name in one of the catalogue's languages ("English", "中文", "Français", "العربية",
 * "Mandarin", "Farsi"); null when it is not a language the catalogue offers.
 */
export const readLanguage: (item: string) => string | null = memoised((item) => {
  const value = item.trim();
  if (value === '') return null;
  const tag = /^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$/i.exec(value);
  if (tag) {
    const base = tag[1]!.toLowerCase();
    if ((courseLanguages as readonly string[]).includes(base)) return base;
  }
  languageIndex ??= buildLanguageIndex();
  const folded = foldValue(value);
  return (
    languageIndex.get(folded) ?? languageIndex.get(folded.replace(/^(the|la|le|el|l) /, '')) ?? null
  );
});

/** Words for each role, in six languages (folded when looked up). */
// prettier-ignore
const roleWords: Record<PersonRole, readonly string[]> = {
  trainee: [
    'trainee', 'trainees', 'student', 'students', 'participant', 'participants', 'learner', 'attendee', 'delegate',
    'etudiant', 'etudiante', 'stagiaire', 'participante', 'apprenant', 'apprenante', 'auditeur',
    'estudiante', 'alumno', 'alumna', 'participantes', 'becario', 'becaria',
    'слушатель', 'слушательница', 'студент', 'студентка', 'участник', 'участница', 'стажер', 'стажёр',
    '学员', '学生', '参与者', '受训者', '受训人员', '参训人员', '学员 学生',
    'متدرب', 'متدربة', 'طالب', 'طالبة', 'مشارك', 'مشاركة', 'متدربون',
  ],
  instructor: [
    'instructor', 'instructors', 'trainer', 'teacher', 'lecturer', 'tutor', 'faculty', 'speaker', 'mentor', 'professor',
    'formateur', 'formatrice', 'enseignant', 'enseignante', 'instructeur', 'instructrice', 'intervenant', 'intervenante', 'professeur',
    'profesor', 'profesora', 'formador', 'formadora', 'docente', 'instructora', 'capacitador', 'capacitadora',
    'преподаватель', 'преподавательница', 'инструктор', 'тренер', 'лектор', 'наставник',
    '讲师', '教师', '老师', '教员', '导师', '授课教师', '培训师',
    'مدرب', 'مدربة', 'محاضر', 'محاضرة', 'معلم', 'معلمة', 'استاذ', 'مدرس',
  ],
  coordinator: [
    'coordinator', 'coordinators', 'organiser', 'organizer', 'admin', 'administrator', 'manager', 'co ordinator',
    'coordinateur', 'coordinatrice', 'organisateur', 'organisatrice', 'responsable',
    'coordinador', 'coordinadora', 'organizador', 'organizadora', 'administrador',
    'координатор', 'организатор', 'администратор',
    '协调员', '协调人', '组织者', '管理员', '负责人', '项目协调员',
    'منسق', 'منسقة', 'منظم', 'مدير', 'مسؤول',
  ],
};

let roleIndex: Map<string, PersonRole> | undefined;

/** The role one word stands for, or null. */
export const readRole: (item: string) => PersonRole | null = memoised((item) => {
  if (!roleIndex) {
    roleIndex = new Map();
    for (const role of personRoles) {
      for (const word of roleWords[role]) roleIndex.set(foldValue(word), role);
    }
  }
  return roleIndex.get(foldValue(item)) ?? null;
});

/** A gender a person may give (without the empty one). */
export type Gender = Exclude<(typeof genders)[number], ''>;

// prettier-ignore
const genderWords: Record<Gender, readonly string[]> = {
  female: ['f', 'female', 'woman', 'w', 'femme', 'feminin', 'femenino', 'mujer', 'ж', 'жен', 'женский', 'женщина', '女', '女性', 'أنثى', 'انثى', 'امرأة'],
  male: ['m', 'male', 'man', 'homme', 'masculin', 'masculino', 'hombre', 'varon', 'м', 'муж', 'мужской', 'мужчина', '男', '男性', 'ذكر'],
  other: ['other', 'x', 'non binary', 'nonbinary', 'autre', 'otro', 'otra', 'другой', 'другое', '其他', 'آخر', 'اخر', 'غير ذلك'],
};

let genderIndex: Map<string, Gender> | undefined;

/** The gender a cell stands for ("F", "Female", "Femme", "女", "أنثى"…), or null. */
export const readGender: (cell: string) => Gender | null = memoised((cell) => {
  if (!genderIndex) {
    genderIndex = new Map();
    for (const [gender, words] of Object.entries(genderWords) as [Gender, readonly string[]][])
      for (const word of words) genderIndex.set(foldValue(word), gender);
  }
  return genderIndex.get(foldValue(cell)) ?? null;
});

/** How a date column writes day and month when it uses slashes. */
export type SlashOrder = 'day-first' | 'month-first' | 'mixed';

/**
 * Decides the order of slash dates in a column from its cells: a first number above 12 proves
 * day-first (31/01/1990), a second one above 12 proves month-first (01/31/1990, as in the US);
 * both → `mixed`; neither → `day-first`, the convention of nearly all partner countries.
 */
export function slashOrderOf(cells: Iterable<string>): SlashOrder {
  let dayFirst = false;
  let monthFirst = false;
  for (const cell of cells) {
    const m = /^\s*(\d{1,2})\/(\d{1,2})\/\d{4}\s*$/.exec(cell);
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  if (dayFirst && monthFirst) return 'mixed';
  return monthFirst ? 'month-first' : 'day-first';
}

function isoOf(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (
    y < 1000 ||
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== m - 1 ||
    date.getUTCDate() !== d
  )
    return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date as YYYY-MM-DD, from YYYY-MM-DD (or YYYY/MM/DD; a trailing midnight time such as
 * " 00:00:00" or "T00:00" is dropped), DD.MM.YYYY, or DD/MM/YYYY (MM/DD/YYYY when the column
 * is `month-first`). Null for anything else: two-digit years, month names, spreadsheet serial
 * numbers, dates that do not exist, and in a `mixed` column slash dates whose day and month
 * could be swapped (03/04/1990).
 */
export function readDate(cell: string, slashOrder: SlashOrder = 'day-first'): string | null {
  const value = cell.trim().replace(/[T ]00:00(:00(\.0+)?)?Z?$/, '');
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(value);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (slashOrder === 'mixed' && a <= 12 && b <= 12 && a !== b) return null;
    const dayFirst = slashOrder === 'day-first' || (slashOrder === 'mixed' && a > 12);
    return dayFirst ? isoOf(y, b, a) : isoOf(y, a, b);
  }
  return null;
}
