/**
 * Writes a shared/exchange ExportWorkbook to .xlsx bytes with SheetJS (@e965/xlsx), following the
 * mapping of docs/excel-exchange.md: text → 's' (already neutralised against formula injection),
 * code → 's' with the text format '@', number → 'n', date → an Excel serial with 'yyyy-mm-dd'.
 * SheetJS is loaded on first use (it is large and only export needs it). What SheetJS CE cannot
 * write (frozen header, drop-downs, page set-up) is patched into the sheet XML (patchSheetXml).
 */
import { textCell, type ExportCell, type ExportSheet, type ExportWorkbook } from '../../../shared/exchange/sheet';
import { columnLetter } from '../../../shared/exchange/cells';
import { desktopApi } from '../bridge/desktop';
import type { SaveFileRequest } from '../../../electron/ipc/contract';

type XlsxCell = { t: 's' | 'n'; v: string | number; z?: string };

function cellOf(cell: ExportCell): XlsxCell | null {
  switch (cell.type) {
    case 'blank':
      return null;
    case 'text':
      return { t: 's', v: cell.value };
    case 'code':
      return { t: 's', v: cell.value, z: '@' };
    case 'number':
      return cell.numberFormat ? { t: 'n', v: cell.value, z: cell.numberFormat } : { t: 'n', v: cell.value };
    case 'date':
      return { t: 'n', v: cell.serial, z: cell.numberFormat };
  }
}

/** SheetJS's module, loaded on first use (the import worker imports it statically). */
export type XlsxModule = typeof import('@e965/xlsx');

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * What SheetJS CE does not write, added to the sheet XML (ECMA-376 Part 1, 18.3.1 CT_Worksheet, in its
 * element order): the frozen header rows (sheetView/pane), list drop-downs (dataValidations, after
 * mergeCells) and an A4 landscape page set-up (pageSetup, after pageMargins), so templates print.
 */
export function patchSheetXml(xml: string, sheet: Pick<ExportSheet, 'frozenRows' | 'validations'>, letter: (c: number) => string): string {
  let out = xml;
  if (sheet.frozenRows > 0) {
    const top = `A${sheet.frozenRows + 1}`;
    out = out.replace(/<sheetView workbookViewId="0"\s*\/>/, `<sheetView workbookViewId="0"><pane ySplit="${sheet.frozenRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView>`);
  }
  if (sheet.validations.length > 0) {
    const items = sheet.validations
      .map((v) => {
        const col = letter(v.column);
        const sqref = `${col}${v.firstRow + 1}:${col}${v.lastRow + 1}`;
        const formula = `'${v.listSheet.replace(/'/g, "''")}'!${v.listRange}`;
        return `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorStyle="warning" errorTitle="${escapeXml(v.title)}" error="${escapeXml('请从下拉列表中选择，可选值见“代码表”')}" promptTitle="${escapeXml(v.title)}" prompt="${escapeXml('请从下拉列表中选择')}" sqref="${sqref}"><formula1>${escapeXml(formula)}</formula1></dataValidation>`;
      })
      .join('');
    const block = `<dataValidations count="${sheet.validations.length}">${items}</dataValidations>`;
    if (out.includes('</mergeCells>')) out = out.replace('</mergeCells>', `</mergeCells>${block}`);
    else out = out.replace('</sheetData>', `</sheetData>${block}`);
  }
  out = out.replace(/(<pageMargins[^>]*\/>)/, '$1<pageSetup paperSize="9" orientation="landscape"/>');
  return out;
}

function sheetRows(sheet: ExportSheet): ExportCell[][] {
  return [...sheet.preamble, ...(sheet.header.length > 0 ? [sheet.header.map((h): ExportCell => textCell(h))] : []), ...sheet.rows];
}

/** The workbook as .xlsx bytes (shared strings, text-formatted code cells, widths, merges, frozen header, drop-downs). */
export function workbookBytesWith(XLSX: XlsxModule, workbook: ExportWorkbook): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const sheet of workbook.sheets) {
    const rows = sheetRows(sheet);
    const ws: Record<string, unknown> = {};
    let maxCol = Math.max(0, sheet.columnWidths.length - 1);
    rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        const x = cellOf(cell);
        if (x) ws[XLSX.utils.encode_cell({ r, c })] = x;
        maxCol = Math.max(maxCol, c);
      });
    });
    // Empty input cells of code columns pre-formatted as text, so what users type stays text.
    const headerRows = sheet.preamble.length + (sheet.header.length > 0 ? 1 : 0);
    let lastRow = Math.max(0, rows.length - 1);
    for (const c of sheet.textColumns) {
      for (let r = headerRows; r < headerRows + sheet.textRows; r++) {
        const ref = XLSX.utils.encode_cell({ r, c });
        if (!ws[ref]) ws[ref] = { t: 's', v: '', z: '@' };
        lastRow = Math.max(lastRow, r);
      }
    }
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow, c: maxCol } });
    ws['!cols'] = sheet.columnWidths.map((wch) => ({ wch }));
    ws['!margins'] = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
    if (sheet.merges.length > 0) ws['!merges'] = sheet.merges;
    XLSX.utils.book_append_sheet(book, ws, sheet.name);
    if (sheet.hidden) {
      book.Workbook = book.Workbook ?? {};
      book.Workbook.Sheets = book.Workbook.Sheets ?? [];
      book.Workbook.Sheets[book.SheetNames.length - 1] = { Hidden: 1 };
    }
  }
  const written = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', bookSST: true, compression: true }) as ArrayBuffer);
  // Patch each sheet's XML for what SheetJS CE does not write (sheetN.xml follows the sheet order).
  const zip = XLSX.CFB.read(written, { type: 'array' });
  workbook.sheets.forEach((sheet, i) => {
    const at = zip.FullPaths.findIndex((p: string) => p.endsWith(`xl/worksheets/sheet${i + 1}.xml`));
    const entry = at >= 0 ? zip.FileIndex[at] : undefined;
    if (!entry?.content) return;
    const xml = new TextDecoder().decode(entry.content as Uint8Array);
    entry.content = new TextEncoder().encode(patchSheetXml(xml, sheet, columnLetter)) as unknown as typeof entry.content;
    entry.size = (entry.content as Uint8Array).length;
  });
  return new Uint8Array(XLSX.CFB.write(zip, { fileType: 'zip', type: 'array', compression: true }) as ArrayBuffer);
}

export async function workbookBytes(workbook: ExportWorkbook): Promise<Uint8Array> {
  return workbookBytesWith(await import('@e965/xlsx'), workbook);
}

/** Saves bytes through the desktop bridge (a download in browser mode); false when the dialog was cancelled. */
export async function saveBytes(bytes: Uint8Array, fileName: string, mimeType: SaveFileRequest['mimeType']): Promise<boolean> {
  const result = await desktopApi().saveFile({ suggestedName: fileName, mimeType, bytes });
  if (!result.ok) throw new Error(result.error.messageZh);
  return result.value.saved;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' as const;

export async function saveWorkbook(workbook: ExportWorkbook): Promise<boolean> {
  return saveBytes(await workbookBytes(workbook), workbook.fileName, XLSX_MIME);
}
