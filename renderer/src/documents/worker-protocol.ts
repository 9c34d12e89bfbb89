/** Messages between the UI thread and the PDF worker (structured-cloneable data only). */
import type { PdfMeta } from '../../../shared/documents/assemble';
import type { BuiltUnit } from '../../../shared/documents/build';
import type { MissingGlyph } from '../../../shared/documents/glyphs';
import type { FontChoice, FontSource } from './engine';

/** `lazy`: fetched only when a text needs a character the chosen fonts lack. */
export type WorkerFont = { family: string; label: string; source: FontSource; url?: string; bytes?: Uint8Array; lazy?: boolean };

export type ToWorker =
  | { type: 'init'; id: number; fonts: WorkerFont[]; choice: FontChoice }
  | { type: 'check'; id: number; units: BuiltUnit[] }
  | { type: 'render'; id: number; units: BuiltUnit[]; meta: PdfMeta };

export type FromWorker =
  | { type: 'ready'; id: number; fonts: { family: string; label: string; source: FontSource; glyphs: number }[] }
  | { type: 'checked'; id: number; missing: MissingGlyph[] }
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'rendered'; id: number; bytes: Uint8Array; pages: number; sha256: string; ms: number }
  | { type: 'error'; id: number; message: string; messageZh: string; missing?: MissingGlyph[] };
