import { describe, expect, it } from 'vitest';
import {
  emptyMapping,
  hasUsableColumn,
  mappingKey,
  personImportFields,
  suggestMapping,
  type PersonMapping,
} from './mapping';

/** The fields that got a column, as field → header. */
function mapped(headers: string[]): Partial<Record<keyof PersonMapping, string>> {
  const mapping = suggestMapping(headers);
  const out: Partial<Record<keyof PersonMapping, string>> = {};
  for (const field of personImportFields) {
    const column = mapping[field];
    if (column !== null) out[field] = headers[column];
  }
  return out;
}

describe('suggestMapping', () => {
  it('recognises English headers, ignoring case, punctuation and spaces', () => {
    expect(
      mapped([
        'Full name',
        'Name (Latin)',
        'E-mail',
        'Phone number',
        'COUNTRY',
        'Institution',
        'Gender',
        'Date of birth',
        'Role',
        'Languages',
        'Notes',
      ]),
    ).toEqual({
      nativeName: 'Full name',
      latinName: 'Name (Latin)',
      email: 'E-mail',
      phone: 'Phone number',
      country: 'COUNTRY',
      institution: 'Institution',
      gender: 'Gender',
      dateOfBirth: 'Date of birth',
      roles: 'Role',
      languages: 'Languages',
      notes: 'Notes',
    });
  });

  it('recognises French headers, without accents too', () => {
    expect(
      mapped([
        'Nom complet',
        'Courriel',
        'Pays',
        'Établissement',
        'Date de naissance',
        'Langues',
        'Téléphone',
      ]),
    ).toEqual({
      nativeName: 'Nom complet',
      email: 'Courriel',
      country: 'Pays',
      institution: 'Établissement',
      dateOfBirth: 'Date de naissance',
      languages: 'Langues',
      phone: 'Téléphone',
    });
    expect(mapped(['NOM', 'ADRESSE E-MAIL', 'PAYS', 'ETABLISSEMENT'])).toMatchObject({
      nativeName: 'NOM',
      email: 'ADRESSE E-MAIL',
      country: 'PAYS',
      institution: 'ETABLISSEMENT',
    });
  });

  it('recognises Spanish headers', () => {
    expect(
      mapped([
        'Nombre',
        'Correo electrónico',
        'País',
        'Institución',
        'Fecha de nacimiento',
        'Idiomas',
        'Teléfono',
        'Sexo',
      ]),
    ).toEqual({
      nativeName: 'Nombre',
      email: 'Correo electrónico',
      country: 'País',
      institution: 'Institución',
      dateOfBirth: 'Fecha de nacimiento',
      languages: 'Idiomas',
      phone: 'Teléfono',
      gender: 'Sexo',
    });
  });

  it('recognises Russian headers', () => {
    expect(
      mapped([
        'ФИО',
        'Электронная почта',
        'Страна',
        'Организация',
        'Дата рождения',
        'Телефон',
        'Пол',
        'Роль',
      ]),
    ).toEqual({
      nativeName: 'ФИО',
      email: 'Электронная почта',
      country: 'Страна',
      institution: 'Организация',
      dateOfBirth: 'Дата рождения',
      phone: 'Телефон',
      gender: 'Пол',
      roles: 'Роль',
    });
    expect(mapped(['Имя', 'Email'])).toEqual({ nativeName: 'Имя', email: 'Email' });
  });

  it('recognises Chinese headers, also inside longer ones and in full width', () => {
    expect(
      mapped([
        '姓名',
        '英文名',
        '电子邮件',
        '国家',
        '工作单位',
        '性别',
        '出生日期',
        '手机',
        '备注',
      ]),
    ).toEqual({
      nativeName: '姓名',
      latinName: '英文名',
      email: '电子邮件',
      country: '国家',
      institution: '工作单位',
      gender: '性别',
      dateOfBirth: '出生日期',
      phone: '手机',
      notes: '备注',
    });
    expect(mapped(['学员姓名', '邮箱', '国家/地区'])).toEqual({
      nativeName: '学员姓名',
      email: '邮箱',
      country: '国家/地区',
    });
    expect(mapped(['名字', 'ＥＭＡＩＬ'])).toEqual({ nativeName: '名字', email: 'ＥＭＡＩＬ' });
  });

  it('recognises Arabic headers, with or without hamza', () => {
    expect(
      mapped([
        'الاسم',
        'البريد الإلكتروني',
        'البلد',
        'المؤسسة',
        'تاريخ الميلاد',
        'الهاتف',
        'اللغات',
      ]),
    ).toEqual({
      nativeName: 'الاسم',
      email: 'البريد الإلكتروني',
      country: 'البلد',
      institution: 'المؤسسة',
      dateOfBirth: 'تاريخ الميلاد',
      phone: 'الهاتف',
      languages: 'اللغات',
    });
    expect(mapped(['الاسم', 'البريد الالكتروني'])).toEqual({
      nativeName: 'الاسم',
      email: 'البريد الالكتروني',
    });
  });

  it('prefers an exact header over one that only contains a known name', () => {
    expect(mapped(['Institution name', 'Name', 'Email address (work)'])).toEqual({
      institution: 'Institution name',
      nativeName: 'Name',
      email: 'Email address (work)',
    });
  });

  it('maps split name columns to given and family name', () => {
    expect(mapped(['First name', 'Last name', 'Email'])).toEqual({
      givenName: 'First name',
      familyName: 'Last name',
      email: 'Email',
    });
    expect(mapped(['Nom', 'Prénom', 'Courriel'])).toEqual({
      familyName: 'Nom',
      givenName: 'Prénom',
      email: 'Courriel',
    });
    expect(mapped(['Nombre', 'Apellidos'])).toEqual({
      givenName: 'Nombre',
      familyName: 'Apellidos',
    });
    expect(mapped(['Фамилия', 'Имя'])).toEqual({ familyName: 'Фамилия', givenName: 'Имя' });
    expect(mapped(['姓', '名'])).toEqual({ familyName: '姓', givenName: '名' });
  });

  it('leaves unknown headers and empty headers unmapped, and uses each column once', () => {
    expect(mapped(['Foo', '', 'Email', 'E-mail'])).toEqual({ email: 'Email' });
  });
});

describe('mappingKey', () => {
  it('is the same for headers that differ only in case, accents, spaces or punctuation', () => {
    expect(mappingKey(['Nom', 'Courriel', 'Établissement'])).toBe(
      mappingKey([' NOM ', 'courriel', 'Etablissement']),
    );
    expect(mappingKey(['Nom', 'Courriel', 'Établissement'])).toMatch(
      /^csv-people-v1-3-[0-9a-f]{16}$/,
    );
  });

  it('differs for other headers, another order, or another count', () => {
    const key = mappingKey(['Name', 'Email']);
    expect(mappingKey(['Email', 'Name'])).not.toBe(key);
    expect(mappingKey(['Name', 'Email', ''])).not.toBe(key);
    expect(mappingKey(['Name', 'Mail'])).not.toBe(key);
  });
});

describe('hasUsableColumn', () => {
  it('needs a name column of some kind', () => {
    expect(hasUsableColumn(emptyMapping())).toBe(false);
    expect(hasUsableColumn(suggestMapping(['Email', 'Country', 'Phone']))).toBe(false);
    expect(hasUsableColumn(suggestMapping(['Email', 'Name']))).toBe(true);
    expect(hasUsableColumn(suggestMapping(['Email', 'Latin name']))).toBe(true);
    expect(hasUsableColumn(suggestMapping(['Email', 'Surname']))).toBe(true);
  });
});
