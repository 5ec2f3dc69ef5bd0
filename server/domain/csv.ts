/**
 * CSV per RFC 4180: fields with a comma, a double quote, CR or LF are quoted, and a double quote
 * inside is doubled; records end with CRLF. Exports start with a UTF-8 byte order mark so that
 * spreadsheets open Korean text correctly. Pure: no I/O.
 */

/** The UTF-8 byte order mark that starts every CSV export. */
export const BOM = '\uFEFF';

/** One field as RFC 4180 writes it. `null`/`undefined` become an empty field. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record (a row), CRLF-terminated. */
export function csvRow(fields: readonly (string | number | boolean | null | undefined)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** A whole small table, BOM first (for small exports only; big ones stream `csvRow`s). */
export function csvTable(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return BOM + rows.map(csvRow).join('');
}

/** Parses RFC 4180 text (a leading BOM is dropped) into rows of fields: for tests and round trips. */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && src[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
    i += 1;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
