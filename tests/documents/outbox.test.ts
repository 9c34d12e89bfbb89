/**
 * An issued document enters the sync outbox in the same transaction that saves it
 * (shared/sync/outbox.ts), carrying its metadata and SHA-256, never the PDF bytes.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { NumberBlock } from '../../shared/documents/numbering';
import { engineRenderer } from '../../renderer/src/documents/engine';
import { issueDocument, type IssueDeps } from '../../renderer/src/documents/issue';
import { createDexieDocumentStore } from '../../renderer/src/desk/documents/store';
import { documentOutboxHook } from '../../renderer/src/desk/documents/outbox-hook';
import type { CreditDeskDb } from '../../renderer/src/db/database';
import { openTestDb } from '../helpers/dexie';
import { testDesk } from '../renderer/fixtures';
import { COMPANY, listingInput, nodeFontRegistry, nodePdfMake, OFFICE } from './fixtures';

const renderer = engineRenderer(nodePdfMake(), nodeFontRegistry());
const SERVICE = { servingUnit: OFFICE.name, recipient: COMPANY.name };
const opened: CreditDeskDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const BLOCK: NumberBlock = { id: 'dev-O-1', officeId: OFFICE.officeId, kind: 'listing-decision', year: 2026, deviceId: 'dev-O', first: 1, last: 10, assignedAt: '2026-11-01T00:00:00Z', assignedBy: '管理员', source: 'admin' };

async function setUp(failInTransaction = false) {
  const db = await openTestDb(undefined, `outbox-doc-${failInTransaction}`);
  opened.push(db);
  const hook = documentOutboxHook(testDesk(db));
  const store = createDexieDocumentStore(db, failInTransaction ? { tables: hook.tables, inTransaction: async () => { throw new Error('disk full'); } } : hook);
  expect(await store.addBlock(BLOCK)).toEqual({ ok: true });
  let n = 0;
  const deps: IssueDeps = { store, renderer, deviceId: 'dev-O', user: '张办事员', newId: () => `doc-${++n}`, now: () => `2026-11-22T0${n}:00:00.000Z` };
  return { db, store, deps };
}

describe('issued documents and the sync outbox', () => {
  it('queues a document-issued operation with the number and hash, and a correction names what it corrects', async () => {
    const { db, deps } = await setUp();
    const first = await issueDocument(deps, { input: listingInput(), service: SERVICE });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const fixed = await issueDocument(deps, { input: listingInput({ basis: '《某某省社会信用条例》第二十八条（更正后）。' }), service: SERVICE, corrects: { id: first.document.id, reason: '依据条款引用错误' } });
    expect(fixed.ok).toBe(true);
    if (!fixed.ok) return;
    const rows = await db.outbox.orderBy('deviceSeq').toArray();
    expect(rows.map((r) => [r.kind, r.state])).toEqual([
      ['document-issued', 'queued'],
      ['document-issued', 'queued'],
    ]);
    expect(rows[0]!.payload).toMatchObject({ documentId: first.document.id, numberText: first.document.numberText, sha256: first.document.sha256, kind: 'listing-decision' });
    expect(rows[0]!.payload).not.toHaveProperty('pdf');
    expect(rows[1]!.payload).toMatchObject({ documentId: fixed.document.id, correctsId: first.document.id });
    expect(rows[0]!.payloadHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes neither the document nor the operation when the outbox write fails', async () => {
    const { db, store, deps } = await setUp(true);
    const result = await issueDocument(deps, { input: listingInput(), service: SERVICE });
    expect(result.ok).toBe(false);
    expect(await db.outbox.count()).toBe(0);
    expect(await store.listDocuments()).toEqual([]);
    expect((await store.ledger()).map((e) => e.state)).toEqual(['voided']);
  });
});
