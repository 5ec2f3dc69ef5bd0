import { describe, expect, it } from 'vitest';
import { BOM, csvField, csvRow, csvTable, parseCsv } from './csv';

describe('csv (RFC 4180)', () => {
  it('leaves plain fields bare and empties null', () => {
    expect(csvField('abc')).toBe('abc');
    expect(csvField(42)).toBe('42');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('quotes commas, quotes, CR and LF, doubling inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('"')).toBe('""""');
  });

  it('ends rows with CRLF and starts tables with a BOM', () => {
    expect(csvRow(['a', 'b,c'])).toBe('a,"b,c"\r\n');
    const t = csvTable([['x'], ['y']]);
    expect(t.startsWith(BOM)).toBe(true);
    expect(t).toBe(`${BOM}x\r\ny\r\n`);
  });

  it('round-trips Korean, quotes, commas and newlines', () => {
    const rows = [
      ['이름', '메시지', 'n'],
      ['김민지', '안녕, "친구"\r\n다음 줄', '3'],
      ['', 'a\nb', '"'],
    ];
    const text = csvTable(rows);
    expect(parseCsv(text)).toEqual(rows);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
