/**
 * Writes a shared/exchange ExportWorkbook to .xlsx bytes with SheetJS (@e965/xlsx), following the
 * mapping of docs/excel-exchange.md: text → 's' (already neutralised against formula injection),
 * code → 's' with the text format '@', number → 'n', date → an Excel serial with 'yyyy-mm-dd'.
 * SheetJS is loaded on first use (it is large and only export needs it).
 */
import type { ExportCell, ExportSheet, ExportWorkbook } from '../../../shared/exchange/sheet';
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

export async function workbookBytes(workbook: ExportWorkbook): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  const book = XLSX.utils.book_new();
  const sheetRows = (sheet: ExportSheet): ExportCell[][] => [...sheet.preamble, ...(sheet.header.length > 0 ? [sheet.header.map((h): ExportCell => ({ type: 'text', value: h }))] : []), ...sheet.rows];
  for (const sheet of workbook.sheets) {
    const rows = sheetRows(sheet);
    const ws: Record<string, unknown> = {};
    let maxCol = 0;
    rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        const x = cellOf(cell);
        if (x) ws[XLSX.utils.encode_cell({ r, c })] = x;
        maxCol = Math.max(maxCol, c);
      });
    });
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, rows.length - 1), c: maxCol } });
    ws['!cols'] = sheet.columnWidths.map((wch) => ({ wch }));
    if (sheet.merges.length > 0) ws['!merges'] = sheet.merges;
    XLSX.utils.book_append_sheet(book, ws, sheet.name);
  }
  const out = XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
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
