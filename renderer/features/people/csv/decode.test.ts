import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from './decode';
import { latin1, utf16, utf8 } from './testBytes';

const sample =
  'Name,E-mail,Country\r\nAyşe Yılmaz,ayse@metu.edu.tr,Türkiye\r\n张伟,zhang@ustc.edu.cn,中国\r\nمحمد علي,m.ali@suparco.gov.pk,Pakistan\r\n';

describe('decodeCsvBytes', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeCsvBytes(utf8(sample))).toEqual({
      ok: true,
      text: sample,
      encoding: 'utf-8',
      bom: false,
    });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    expect(decodeCsvBytes(utf8(sample, true))).toEqual({
      ok: true,
      text: sample,
      encoding: 'utf-8',
      bom: true,
    });
  });

  it.each(['le', 'be'] as const)('reads UTF-16 %s with a BOM', (order) => {
    expect(decodeCsvBytes(utf16(sample, order, true))).toEqual({
      ok: true,
      text: sample,
      encoding: `utf-16${order}`,
      bom: true,
    });
  });

  it.each(['le', 'be'] as const)(
    'reads UTF-16 %s without a BOM, from where the zero bytes are',
    (order) => {
      expect(decodeCsvBytes(utf16(sample, order))).toEqual({
        ok: true,
        text: sample,
        encoding: `utf-16${order}`,
        bom: false,
      });
    },
  );

  it('reads UTF-16 without a BOM when most of the text is Chinese', () => {
    const chinese = '姓名,邮箱,国家\n张伟,zhang@ustc.edu.cn,中国\n李娜,li.na@hkust.hk,中国\n';
    expect(decodeCsvBytes(utf16(chinese, 'le'))).toMatchObject({
      ok: true,
      text: chinese,
      encoding: 'utf-16le',
    });
  });

  it('falls back to windows-1252 when the bytes are not UTF-8 (Excel "CSV" on Windows)', () => {
    const text = 'Nom;Pays\r\nRené Lefèvre;France\r\nJosé Núñez;Perú – Lima\r\n€ and œ\r\n';
    const bytes = latin1(text.replace('–', '\u0096').replace('€', '\u0080').replace('œ', '\u009c'));
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text, encoding: 'windows-1252', bom: false });
  });

  it('keeps valid UTF-8 that happens to be all ASCII as UTF-8', () => {
    expect(decodeCsvBytes(utf8('a,b\n1,2\n'))).toMatchObject({ ok: true, encoding: 'utf-8' });
  });

  it('answers empty for no bytes, a lone BOM, and whitespace only', () => {
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
    expect(decodeCsvBytes(utf8('', true))).toEqual({ ok: false, problem: 'empty' });
    expect(decodeCsvBytes(utf8(' \r\n\t\n  '))).toEqual({ ok: false, problem: 'empty' });
    expect(decodeCsvBytes(utf16('\r\n  \r\n', 'le', true))).toEqual({
      ok: false,
      problem: 'empty',
    });
  });

  it('refuses binary files as not-text', () => {
    const png = Uint8Array.of(
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0,
      0,
      0,
      0x0d,
      0x49,
      0x48,
      0x44,
      0x52,
    );
    const xlsx = Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0, 0x21, 0);
    const xls = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0);
    const pdf = utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
    for (const bytes of [png, xlsx, xls, pdf])
      expect(decodeCsvBytes(bytes)).toEqual({ ok: false, problem: 'not-text' });
  });

  it('refuses unknown binary data full of NUL and control bytes', () => {
    const noise = new Uint8Array(512);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 37 + 11) % 32; // controls and NULs, no pattern of UTF-16
    expect(decodeCsvBytes(noise)).toEqual({ ok: false, problem: 'not-text' });
    const random = new Uint8Array(1024);
    let seed = 42;
    for (let i = 0; i < random.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      random[i] = seed >>> 24;
    }
    expect(decodeCsvBytes(random)).toEqual({ ok: false, problem: 'not-text' });
  });
});
