/**
 * Which column of a spreadsheet holds which field of a person. `suggestMapping` recognises the
 * header names coordinators write in English, French, Spanish, Russian, Chinese and Arabic,
 * ignoring case, accents, width, Arabic hamza forms and punctuation ("E-mail", "e-mail:",
 * "EMAIL *", "Courriel", "邮箱", "البريد الإلكتروني"…); the user then corrects it on screen.
 */
import { foldForSearch } from '../../../../shared/text/normalize';

/**
 * The fields a column can be mapped to. The person's fields, plus `givenName` / `familyName` for
 * sheets that split the name in two columns ("First name", "Last name", "Prénom", "Nom"):
 * they are joined into the native name when no name column is mapped.
 */
export const personImportFields = [
  'nativeName',
  'latinName',
  'preferredName',
  'givenName',
  'familyName',
  'email',
  'phone',
  'country',
  'institution',
  'gender',
  'dateOfBirth',
  'roles',
  'languages',
  'notes',
] as const;
/** A field a column can be mapped to. */
export type PersonImportField = (typeof personImportFields)[number];

/** For each field, the index of its column, or null when no column holds it. */
export type PersonMapping = Record<PersonImportField, number | null>;

/** Header names per field (any language; folded before comparing). */
// prettier-ignore
const synonyms: Record<PersonImportField, readonly string[]> = {
  nativeName: [
    'name', 'full name', 'fullname', 'participant', 'participant name', 'trainee name', 'native name', 'name in native script',
    'nom', 'nom complet', 'nom et prenom', 'nom prenom', 'prenom et nom', 'nom du participant',
    'nombre', 'nombre completo', 'nombre y apellidos', 'nombres y apellidos', 'apellidos y nombre',
    'фио', 'имя', 'полное имя', 'ф и о', 'фамилия имя отчество', 'фамилия имя',
    '姓名', '名字', '全名', '中文名', '中文姓名', '学员姓名',
    'الاسم', 'الاسم الكامل', 'اسم', 'الاسم بالعربية',
  ],
  latinName: [
    'latin name', 'name latin', 'name in latin', 'name in latin letters', 'english name', 'name english', 'name in english',
    'romanized name', 'romanised name', 'transliteration', 'transliterated name', 'name as in passport', 'passport name',
    'nom latin', 'nom en latin', 'nom en caracteres latins', 'nom anglais',
    'nombre latino', 'nombre en latin', 'nombre en ingles',
    'имя латиницей', 'фио латиницей', 'латиница', 'транслитерация', 'имя на английском',
    '英文名', '英文姓名', '拼音', '拼音姓名', '护照姓名', '英文名字',
    'الاسم باللاتينية', 'الاسم بالانجليزية', 'الاسم بالانكليزية',
  ],
  preferredName: [
    'preferred name', 'known as', 'nickname', 'display name', 'called',
    'nom d usage', 'nom prefere', 'prenom d usage', 'surnom',
    'nombre preferido', 'apodo',
    'предпочитаемое имя', 'как обращаться',
    '常用名', '昵称', '称呼',
    'الاسم المفضل', 'اللقب',
  ],
  givenName: [
    'first name', 'firstname', 'given name', 'given names', 'forename',
    'prenom', 'prenoms',
    'nombres', 'nombre de pila',
    'имя отчество',
    '名',
    'الاسم الاول',
  ],
  familyName: [
    'last name', 'lastname', 'surname', 'family name',
    'nom de famille',
    'apellido', 'apellidos',
    'фамилия',
    '姓', '姓氏',
    'اسم العائلة', 'الكنية', 'اللقب العائلي',
  ],
  email: [
    'email', 'e mail', 'mail', 'email address', 'e mail address', 'mail address',
    'courriel', 'adresse email', 'adresse e mail', 'adresse electronique', 'adresse mail', 'mel',
    'correo', 'correo electronico', 'e mail', 'direccion de correo', 'direccion de correo electronico',
    'электронная почта', 'эл почта', 'почта', 'адрес электронной почты', 'емейл', 'имейл',
    '邮箱', '电子邮件', '电子邮箱', '邮件', '邮箱地址', '电邮',
    'البريد الالكتروني', 'البريد', 'ايميل', 'البريد الالكتروني الشخصي',
  ],
  phone: [
    'phone', 'telephone', 'phone number', 'mobile', 'mobile phone', 'cell', 'cellphone', 'tel', 'whatsapp', 'contact number',
    'numero de telephone', 'portable', 'tel portable',
    'telefono', 'movil', 'celular', 'numero de telefono',
    'телефон', 'тел', 'мобильный', 'мобильный телефон', 'номер телефона',
    '电话', '手机', '联系电话', '手机号', '手机号码', '电话号码',
    'الهاتف', 'هاتف', 'رقم الهاتف', 'الجوال', 'جوال', 'الموبايل',
  ],
  country: [
    'country', 'nationality', 'country of residence', 'country code',
    'pays', 'nationalite', 'pays de residence',
    'pais', 'nacionalidad', 'pais de residencia',
    'страна', 'гражданство', 'страна проживания',
    '国家', '国籍', '国家地区', '国家 地区', '国别',
    'البلد', 'الدولة', 'الجنسية', 'بلد', 'دولة',
  ],
  institution: [
    'institution', 'institution name', 'organisation', 'organization', 'affiliation', 'university', 'employer', 'institute', 'agency',
    'etablissement', 'organisme', 'universite', 'institut',
    'institucion', 'organizacion', 'universidad', 'afiliacion',
    'учреждение', 'организация', 'университет', 'место работы', 'вуз', 'институт',
    '单位', '机构', '工作单位', '所在单位', '学校', '大学', '组织',
    'المؤسسة', 'الجامعة', 'الجهة', 'جهة العمل', 'المنظمة',
  ],
  gender: [
    'gender', 'sex',
    'genre', 'sexe',
    'genero', 'sexo',
    'пол',
    '性别',
    'الجنس', 'النوع',
  ],
  dateOfBirth: [
    'date of birth', 'birth date', 'birthdate', 'birthday', 'dob', 'born',
    'date de naissance', 'ne le', 'nee le',
    'fecha de nacimiento', 'nacimiento',
    'дата рождения', 'день рождения',
    '出生日期', '生日', '出生年月',
    'تاريخ الميلاد', 'تاريخ الولادة',
  ],
  roles: [
    'role', 'roles', 'type', 'participant type', 'function',
    'fonction', 'statut',
    'rol', 'roles', 'funcion',
    'роль', 'роли', 'статус',
    '角色', '身份', '类别',
    'الدور', 'الادوار', 'الصفة',
  ],
  languages: [
    'language', 'languages', 'spoken languages', 'working language',
    'langue', 'langues', 'langues parlees',
    'idioma', 'idiomas', 'lengua', 'lenguas',
    'язык', 'языки', 'владение языками',
    '语言', '语种', '工作语言',
    'اللغة', 'اللغات',
  ],
  notes: [
    'notes', 'note', 'comment', 'comments', 'remarks', 'remark',
    'remarques', 'commentaire', 'commentaires', 'observations',
    'notas', 'comentario', 'comentarios', 'observaciones',
    'примечание', 'примечания', 'комментарий', 'комментарии', 'заметки',
    '备注', '说明', '注释', '评论',
    'ملاحظات', 'ملاحظة', 'تعليقات',
  ],
};

/** Folds a header for comparison: case, accents, width, punctuation → single spaces. */
export function foldHeader(header: string): string {
  return foldForSearch(header)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

type Candidate = { field: PersonImportField; column: number; score: number; order: number };

let foldedSynonyms: [PersonImportField, string[]][] | undefined;

/**
 * Suggests a column for each field. A header equal to a known name wins over one that only
 * contains it ("Institution name" is the institution, not the name); among contained names the
 * longest wins. Each column is used for at most one field, each field at most once; for equal
 * scores the field listed first in `personImportFields` and then the leftmost column win
 * (so of "Email" and "E-mail", the first one is the e-mail column).
 */
export function suggestMapping(headers: readonly string[]): PersonMapping {
  foldedSynonyms ??= personImportFields.map((field) => [
    field,
    [...new Set(synonyms[field].map(foldHeader))],
  ]);
  const candidates: Candidate[] = [];
  const folded = headers.map(foldHeader);
  foldedSynonyms.forEach(([field, names], order) => {
    folded.forEach((header, column) => {
      if (header === '') return;
      let score = 0;
      for (const name of names) {
        if (header === name) score = 1000;
        else if (` ${header} `.includes(` ${name} `) || (cjk.test(name) && header.includes(name)))
          score = Math.max(score, name.length);
      }
      if (score > 0) candidates.push({ field, column, score, order });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.order - b.order || a.column - b.column);

  const mapping = emptyMapping();
  const usedColumns = new Set<number>();
  for (const { field, column, score } of candidates) {
    if (mapping[field] !== null || usedColumns.has(column)) continue;
    // A one-character CJK name (姓, 名) counts only when it is the whole header.
    if (score < 2) continue;
    mapping[field] = column;
    usedColumns.add(column);
  }
  // "Nom" + "Prénom", "Nombre" + "Apellidos", "Имя" + "Фамилия", "Name" + "Surname": when one
  // half of a split name is there, the bare "name" column is the other half.
  const bare = mapping.nativeName === null ? '' : folded[mapping.nativeName];
  if (bare && bareNames.has(bare)) {
    if (mapping.givenName !== null && mapping.familyName === null) {
      [mapping.familyName, mapping.nativeName] = [mapping.nativeName, null];
    } else if (mapping.familyName !== null && mapping.givenName === null) {
      [mapping.givenName, mapping.nativeName] = [mapping.nativeName, null];
    }
  }
  return mapping;
}

/** Headers that mean "name" alone and so may be one half of a split name. */
const bareNames = new Set(['name', 'nom', 'nombre', 'имя', '名字', 'الاسم', 'اسم'].map(foldHeader));

/** A mapping with no column for any field. */
export function emptyMapping(): PersonMapping {
  return Object.fromEntries(personImportFields.map((field) => [field, null])) as PersonMapping;
}

/** FNV-1a over the UTF-16 code units of a text, from a seed. */
function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * A stable key for a header row, to remember the mapping a user chose for files laid out the
 * same way: the same headers in the same order (compared folded: case, accents, width,
 * punctuation and surrounding spaces do not matter) give the same key, on every device.
 * Order matters because a mapping holds column positions.
 */
export function mappingKey(headers: readonly string[]): string {
  const text = headers.map(foldHeader).join('\u001f');
  const a = fnv1a(text, 0x811c9dc5).toString(16).padStart(8, '0');
  const b = fnv1a(text, 0x01234567).toString(16).padStart(8, '0');
  return `csv-people-v1-${headers.length}-${a}${b}`;
}

/** True when the mapping has a column for a name (native, Latin, or a given or family name). */
export function hasUsableColumn(mapping: PersonMapping): boolean {
  return (
    mapping.nativeName !== null ||
    mapping.latinName !== null ||
    mapping.givenName !== null ||
    mapping.familyName !== null
  );
}
