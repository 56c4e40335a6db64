import { describe, expect, it } from 'vitest';
import { csvBlob, csvField, toCsv } from './export';
import { parseCsv } from './parse';
import { decodeCsvBytes } from './decode';

describe('toCsv', () => {
  it('writes a BOM, CRLF line breaks and a final CRLF', () => {
    expect(toCsv(['Name', 'Email'], [['Ali', 'ali@x.pk']])).toBe(
      '\uFEFFName,Email\r\nAli,ali@x.pk\r\n',
    );
  });

  it('quotes cells holding a comma, semicolon, quote, tab or line break, doubling quotes', () => {
    expect(csvField('Lee, Min')).toBe('"Lee, Min"');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('a\tb')).toBe('"a\tb"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('张伟')).toBe('张伟');
  });

  it('writes nothing for null, undefined and non-finite numbers, and numbers as they are', () => {
    expect(toCsv(['a', 'b', 'c', 'd', 'e'], [[null, undefined, -2, 3.5, Number.NaN]])).toBe(
      '\uFEFFa,b,c,d,e\r\n,,-2,3.5,\r\n',
    );
  });

  it('neutralises formula injection in text cells', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+SUM(A1:A9)')).toBe("'+SUM(A1:A9)");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('\t=cmd')).toBe('"\'\t=cmd"');
    expect(csvField('\r=cmd')).toBe('"\'\r=cmd"');
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvField(-5)).toBe('-5');
    expect(csvField('a=b')).toBe('a=b');
  });

  it('round-trips: export, decode, parse gives back the same cells', () => {
    const headers = ['Name', 'Notes', 'Score', 'Email'];
    const rows = [
      ['Ayşe Yılmaz', 'Line one\r\nline two', '12', 'ayse@metu.edu.tr'],
      ['محمد علي', 'said "yes", then; left', '-3', 'm@x.pk'],
      ['张伟', '=1+1', '+SUM(A1)', '@cmd'],
      ['Lee, Min', '-2+3', '\ttabbed', ''],
      ['', 'only notes', '', ''],
    ];
    const text = toCsv(headers, rows);
    const decoded = decodeCsvBytes(new TextEncoder().encode(text));
    expect(decoded).toMatchObject({ ok: true, encoding: 'utf-8', bom: true });
    if (!decoded.ok) return;
    const parsed = parseCsv(decoded.text);
    expect(parsed).toMatchObject({ ok: true, headers, rows, delimiter: ',' });
  });

  it('makes a UTF-8 CSV blob', async () => {
    const blob = csvBlob(toCsv(['a'], [['é']]));
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(
      Uint8Array.of(0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a, 0xc3, 0xa9, 0x0d, 0x0a),
    );
  });
});
