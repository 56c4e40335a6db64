import { describe, expect, it } from 'vitest';
import { parseCsv, type ParsedCsv } from './parse';

function ok(text: string): ParsedCsv {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(`expected a table, got ${result.problem}`);
  return result;
}

describe('parseCsv', () => {
  it('reads a comma-separated file with trimmed headers and row numbers from 2', () => {
    const table = ok(
      ' Name , E-mail ,Country\nAyşe Yılmaz,ayse@metu.edu.tr,TR\n张伟,zhang@ustc.edu.cn,CN\n',
    );
    expect(table).toEqual({
      ok: true,
      headers: ['Name', 'E-mail', 'Country'],
      rows: [
        ['Ayşe Yılmaz', 'ayse@metu.edu.tr', 'TR'],
        ['张伟', 'zhang@ustc.edu.cn', 'CN'],
      ],
      rowNumbers: [2, 3],
      delimiter: ',',
    });
  });

  it('guesses a semicolon separator (Excel in France, Russia, Spain) even with commas in cells', () => {
    const table = ok(
      'Nom;Courriel;Établissement\nRené Lefèvre;rene@ipgp.fr;IPGP, Paris\nJosé Núñez;jose@pucp.pe;PUCP, Lima\n',
    );
    expect(table.delimiter).toBe(';');
    expect(table.rows[0]).toEqual(['René Lefèvre', 'rene@ipgp.fr', 'IPGP, Paris']);
  });

  it('guesses the separator of a header and a single row, with or without a final line break', () => {
    for (const text of [
      'Nom;Pays\nRené;FR\n',
      'Nom;Pays\r\nRené;FR',
      'Nom;Pays\r\n\r\nRené;FR\r\n\r\n',
      'Name\tEmail\nAli\tali@x.pk\n',
    ])
      expect(ok(text).rows[0]).toHaveLength(2);
    expect(ok('Nom;Courriel\r\n')).toMatchObject({
      headers: ['Nom', 'Courriel'],
      delimiter: ';',
      rows: [],
    });
  });

  it('guesses a tab separator', () => {
    const table = ok('Name\tEmail\tCountry\nAli\tali@x.pk\tPK\nSara\tsara@y.eg\tEG\n');
    expect(table.delimiter).toBe('\t');
    expect(table.rows).toEqual([
      ['Ali', 'ali@x.pk', 'PK'],
      ['Sara', 'sara@y.eg', 'EG'],
    ]);
  });

  it("follows Excel's sep= first line and does not count it as a row", () => {
    const table = ok('sep=;\r\nName;Notes\r\nAli;a,b,c\r\n');
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(['Name', 'Notes']);
    expect(table.rows).toEqual([['Ali', 'a,b,c']]);
    expect(table.rowNumbers).toEqual([2]);
  });

  it('keeps line breaks and separators inside quoted cells, with escaped quotes', () => {
    const table = ok(
      'Name,Notes,Email\r\n"Lee, Min","Line one\r\nline two, with ""quotes""",lee@x.kr\r\nBo,plain,bo@x.se\r\n',
    );
    expect(table.rows).toEqual([
      ['Lee, Min', 'Line one\r\nline two, with "quotes"', 'lee@x.kr'],
      ['Bo', 'plain', 'bo@x.se'],
    ]);
    // A multi-line cell is one spreadsheet row: the next record is row 3, not row 4.
    expect(table.rowNumbers).toEqual([2, 3]);
  });

  it('reads CRLF, LF and CR line breaks alike', () => {
    for (const newline of ['\r\n', '\n', '\r']) {
      const table = ok(['Name,Email', 'A,a@x.org', 'B,b@x.org'].join(newline) + newline);
      expect(table.rows).toEqual([
        ['A', 'a@x.org'],
        ['B', 'b@x.org'],
      ]);
    }
  });

  it('skips blank lines and empty rows but counts them in the row numbers, as a spreadsheet shows them', () => {
    const table = ok('\n\nName,Email\n\nA,a@x.org\n,\n  ,  \nB,b@x.org\n\n');
    expect(table.headers).toEqual(['Name', 'Email']);
    expect(table.rows).toEqual([
      ['A', 'a@x.org'],
      ['B', 'b@x.org'],
    ]);
    expect(table.rowNumbers).toEqual([5, 8]);
  });

  it('pads short rows to the header width and keeps data cells as written', () => {
    const table = ok('Name,Email,Country\n  Ali  \nB,b@x.org,FR,extra\n');
    expect(table.rows).toEqual([
      ['  Ali  ', '', ''],
      ['B', 'b@x.org', 'FR', 'extra'],
    ]);
  });

  it('reads a one-column file and a header-only file', () => {
    expect(ok('Name\nAli\nSara\n')).toMatchObject({ headers: ['Name'], rows: [['Ali'], ['Sara']] });
    expect(ok('Name,Email\r\n')).toMatchObject({
      headers: ['Name', 'Email'],
      rows: [],
      rowNumbers: [],
    });
  });

  it('ignores a BOM left in the text', () => {
    expect(ok('\uFEFFName,Email\nA,a@x.org').headers).toEqual(['Name', 'Email']);
  });

  it('answers empty for blank text', () => {
    expect(parseCsv('')).toEqual({ ok: false, problem: 'empty' });
    expect(parseCsv('\r\n \r\n')).toEqual({ ok: false, problem: 'empty' });
    expect(parseCsv(',,,\n , ,\n')).toEqual({ ok: false, problem: 'empty' });
  });

  it('answers no-columns when the first row holds no column name (a file without a header row)', () => {
    expect(parseCsv('ali@x.pk,1990-01-02,42\nsara@y.eg,1991-02-03,43\n')).toEqual({
      ok: false,
      problem: 'no-columns',
    });
  });

  it('answers not-csv for HTML, XML, RTF and JSON, and for a quote that is never closed', () => {
    for (const text of [
      '<!DOCTYPE html><html><body><table><tr><td>Name</td></tr></table></body></html>',
      '<?xml version="1.0"?><Workbook></Workbook>',
      '{\\rtf1\\ansi Name}',
      '[{"name": "Ali"}]',
      'Name,Notes\nAli,"never closed\nSara,ok\n',
    ])
      expect(parseCsv(text)).toEqual({ ok: false, problem: 'not-csv' });
  });

  it('removes the apostrophe that export put before a formula character', () => {
    const table = ok("Name,Notes\n'=1+1,'-2+3\n'@cmd,'+SUM(A1)\n'plain,it's\n");
    expect(table.rows).toEqual([
      ['=1+1', '-2+3'],
      ['@cmd', '+SUM(A1)'],
      ["'plain", "it's"],
    ]);
  });
});
