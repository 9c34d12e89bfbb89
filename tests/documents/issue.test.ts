/**
 * Issuing over the real Dexie schema (fake-indexeddb): 文号 from per-device blocks, immutable
 * snapshots with SHA-256, viewing = same bytes (not logged), printing/saving logged, correction voids the old document,
 * two offline devices never collide, a crash mid-issue leaves a voided number, not a duplicate.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { auditSeries, INTERRUPTED_REASON, type NumberBlock } from '../../shared/documents/numbering';
import type { DocumentKind } from '../../shared/documents/types';
import { engineRenderer, sha256Hex } from '../../renderer/src/documents/engine';
import { handOut, issueDocument, openStored, printBatch, storedJob, type IssueDeps } from '../../renderer/src/documents/issue';
import { createDexieDocumentStore, type DocumentStore } from '../../renderer/src/desk/documents/store';
import type { CreditDeskDb } from '../../renderer/src/db/database';
import { openTestDb } from '../helpers/dexie';
import { COMPANY, listingInput, nodeFontRegistry, nodePdfMake, OFFICE } from './fixtures';
import { pdfPages, pdfText } from './pdf-tools';

const renderer = engineRenderer(nodePdfMake(), nodeFontRegistry());
const SERVICE = { servingUnit: OFFICE.name, recipient: COMPANY.name, place: '某某县工业园区8号' };
const opened: CreditDeskDb[] = [];

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function block(deviceId: string, kind: DocumentKind, first: number, last: number): NumberBlock {
  return { id: `${deviceId}-${kind}-${first}`, officeId: OFFICE.officeId, kind, year: 2026, deviceId, first, last, assignedAt: '2026-11-01T00:00:00Z', assignedBy: '管理员', source: 'admin' };
}

async function device(deviceId: string, blocks: NumberBlock[], name?: string): Promise<{ db: CreditDeskDb; store: DocumentStore; deps: IssueDeps }> {
  const db = await openTestDb(undefined, name);
  opened.push(db);
  const store = createDexieDocumentStore(db);
  for (const b of blocks) expect(await store.addBlock(b)).toEqual({ ok: true });
  let n = 0;
  let clock = Date.UTC(2026, 10, 22, 1, 0, 0);
  const deps: IssueDeps = {
    store,
    renderer,
    deviceId,
    user: '张办事员',
    newId: () => `${deviceId}-doc-${String(++n).padStart(4, '0')}`,
    now: () => new Date((clock += 1000)).toISOString(),
  };
  return { db, store, deps };
}

describe('issuing a listing decision with its 信用修复告知书 as 附件 (两书同达, one 文号)', () => {
  it('takes one number from the device block, stores an immutable snapshot with its attachment and shows the same bytes', async () => {
    const { store, deps } = await device('dev-A', [block('dev-A', 'listing-decision', 15, 30)]);
    const issued = await issueDocument(deps, { input: listingInput(), service: SERVICE });
    expect(issued.ok, !issued.ok ? issued.reason : '').toBe(true);
    if (!issued.ok) return;
    const result = { decision: issued.document };
    expect(result.decision.numberText).toBe('某发改信用〔2026〕15号');
    // The 信用修复告知书 is printed as 附件 of the decision, inside the same PDF, without a number of its own.
    const text = pdfText(result.decision.pdf).replace(/\s+/g, '');
    expect(text).toContain('附件：信用修复告知书');
    expect(text).toContain('信用修复告知书');
    expect(text.split('某发改信用〔2026〕15号').length - 1).toBeGreaterThanOrEqual(1);

    const stored = await store.getDocument(result.decision.id);
    expect(stored?.sha256).toBe(await sha256Hex(stored!.pdf));
    expect(stored?.templateVersion).toBe(1);
    expect(stored?.input.kind === 'listing-decision' && stored.input.facts).toContain('不合格钢筋');

    const again = await openStored(deps, result.decision.id, sha256Hex);
    expect(again.ok && Buffer.from(again.bytes).equals(Buffer.from(stored!.pdf))).toBe(true);
    // viewing is not a reprint: nothing is logged
    expect(await store.printLog()).toEqual([]);
    // saving (or downloading) the stored bytes is logged with their SHA-256
    const saved = await handOut(deps, storedJob(stored!), 'save', async () => ({ handedOut: true, message: '已下载PDF。' }));
    expect(saved.handedOut).toBe(true);
    // re-rendering the snapshot gives the very same bytes (deterministic rendering)
    const rerendered = await renderer.render([(await import('../../shared/documents/issued')).unitsOf(stored!)], {
      title: `列入严重失信主体名单决定书 ${stored!.numberText}`,
      author: OFFICE.name,
      subject: '列入严重失信主体名单决定书',
      creationDate: stored!.date,
    });
    expect(rerendered.sha256).toBe(stored!.sha256);
    const log = await store.printLog();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: 'download', documentIds: [result.decision.id], sha256: stored!.sha256, pages: stored!.pages });
    // one document, one number: never two documents with one 文号
    expect((await store.ledger()).map((e) => [e.kind, e.seq, e.state])).toEqual([['listing-decision', 15, 'issued']]);
    expect((await store.listDocuments()).map((d) => d.numberText)).toEqual(['某发改信用〔2026〕15号']);
  });

  it('refuses without a number block, and refuses a missing element without taking a number', async () => {
    const { store, deps } = await device('dev-B', []);
    const noBlock = await issueDocument(deps, { input: listingInput(), service: SERVICE });
    expect(!noBlock.ok && noBlock.reason).toContain('请由管理员');
    await store.addBlock(block('dev-B', 'listing-decision', 1, 5));
    const missing = await issueDocument(deps, { input: listingInput({ removalConditions: '' }), service: SERVICE });
    expect(!missing.ok && missing.reason).toContain('移出条件');
    const badChar = await issueDocument(deps, { input: listingInput({ subject: { ...COMPANY, name: `${String.fromCodePoint(0x31350)}记商行` } }), service: SERVICE });
    expect(!badChar.ok && badChar.reason).toContain('U+31350');
    expect(await store.ledger()).toEqual([]);
  });

  it('corrects a document by issuing a new one that voids the old, which is kept', async () => {
    const { store, deps } = await device('dev-C', [block('dev-C', 'listing-decision', 1, 10)]);
    const first = await issueDocument(deps, { input: listingInput(), service: SERVICE });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const fixed = await issueDocument(deps, {
      input: listingInput({ basis: '《某某省社会信用条例》第二十八条（更正后）。' }),
      service: SERVICE,
      corrects: { id: first.document.id, reason: '依据条款引用错误' },
    });
    expect(fixed.ok).toBe(true);
    if (!fixed.ok) return;
    expect(fixed.document.seq).toBe(2);
    expect(fixed.document.correctsId).toBe(first.document.id);
    const old = await store.getDocument(first.document.id);
    expect(old).toMatchObject({ state: 'voided', voidReason: '依据条款引用错误', correctedById: fixed.document.id, sha256: first.document.sha256 });
    expect(old!.pdf.byteLength).toBe(first.document.pdf.byteLength);
    const twice = await issueDocument(deps, { input: listingInput(), service: SERVICE, corrects: { id: first.document.id, reason: '再次更正' } });
    expect(!twice.ok && twice.reason).toContain('已作废');
    const printVoided = await printBatch(deps, [old!], '打印');
    expect(printVoided.ok).toBe(false);
  });
});

describe('two devices issuing offline', () => {
  it('never hand out the same number', async () => {
    const blocks = [block('dev-1', 'listing-decision', 1, 20), block('dev-2', 'listing-decision', 21, 40)];
    const a = await device('dev-1', blocks);
    const b = await device('dev-2', blocks);
    // a block overlapping another device's block is refused
    const overlap = await a.store.addBlock(block('dev-1', 'listing-decision', 40, 45));
    expect(!overlap.ok && overlap.reason).toContain('重叠');
    const runs = await Promise.all(
      Array.from({ length: 6 }, (_, i) => issueDocument(i % 2 === 0 ? a.deps : b.deps, { input: listingInput({ facts: `第${i}件：拒不履行行政处罚决定。` }), service: SERVICE })),
    );
    const numbers = runs.map((r) => (r.ok ? r.document.numberText : r.reason));
    expect(new Set(numbers).size).toBe(6);
    expect(runs.filter((r) => r.ok && r.document.deviceId === 'dev-1').map((r) => r.ok && r.document.seq)).toEqual([1, 2, 3]);
    expect(runs.filter((r) => r.ok && r.document.deviceId === 'dev-2').map((r) => r.ok && r.document.seq)).toEqual([21, 22, 23]);
  });
});

describe('a crash between taking a number and saving the document', () => {
  it('leaves a voided number with its reason after restart, never a duplicate or a silent gap', async () => {
    const blocks = [block('dev-X', 'listing-decision', 1, 10)];
    const first = await device('dev-X', blocks);
    expect((await issueDocument(first.deps, { input: listingInput(), service: SERVICE })).ok).toBe(true);
    // Crash: the number is reserved (transaction 1) and the process dies before transaction 2.
    const crashed = await first.store.reserveNumber({ officeId: OFFICE.officeId, kind: 'listing-decision', year: 2026 }, 'dev-X', 'dev-X-doc-lost', '2026-11-22T02:00:00Z');
    expect(crashed.ok && crashed.entry.seq).toBe(2);
    const name = first.db.name;
    first.db.close();

    // Restart on the same database.
    const restarted = await openTestDb(undefined, name);
    opened.push(restarted);
    const store = createDexieDocumentStore(restarted);
    const fixed = await store.reconcile('dev-X', '2026-11-22T03:00:00Z');
    expect(fixed).toHaveLength(1);
    expect(fixed[0]).toMatchObject({ seq: 2, state: 'voided', voidReason: INTERRUPTED_REASON });

    let n = 100;
    const deps: IssueDeps = { ...first.deps, store, newId: () => `dev-X-doc-${++n}` };
    const next = await issueDocument(deps, { input: listingInput(), service: SERVICE });
    expect(next.ok && next.document.seq).toBe(3);

    const ledger = await store.ledger();
    const docs = await store.listDocuments();
    expect(auditSeries(blocks, ledger, docs)).toEqual({ duplicates: [], gaps: [], reserved: [] });
    expect(ledger.map((e) => [e.seq, e.state])).toEqual([
      [1, 'issued'],
      [2, 'voided'],
      [3, 'issued'],
    ]);
  });

  it('voids the number at once when saving fails, and the database refuses a second document with one number', async () => {
    const { store, deps, db } = await device('dev-Y', [block('dev-Y', 'listing-decision', 1, 10)]);
    const failed = await issueDocument({ ...deps, beforeSave: () => Promise.reject(new Error('disk full')) }, { input: listingInput(), service: SERVICE });
    expect(!failed.ok && failed.reason).toContain('已登记作废');
    expect((await store.ledger())[0]).toMatchObject({ seq: 1, state: 'voided' });
    const ok = await issueDocument(deps, { input: listingInput(), service: SERVICE });
    expect(ok.ok && ok.document.seq).toBe(2);
    if (!ok.ok) return;
    await expect(db.table('issuedDocuments').add({ ...ok.document, id: 'forged' })).rejects.toThrow();
  });
});

describe('batch printing', () => {
  it('prints several groups into one PDF, each document on an odd page followed by its 送达回证', async () => {
    const { store, deps } = await device('dev-P', [block('dev-P', 'listing-decision', 1, 10)]);
    const g1 = await issueDocument(deps, { input: listingInput(), service: SERVICE });
    const g2 = await issueDocument(deps, { input: listingInput({ subject: { ...COMPANY, name: '某某县顺达运输有限公司' } }), service: { ...SERVICE, recipient: '某某县顺达运输有限公司' } });
    expect(g1.ok && g2.ok).toBe(true);
    if (!g1.ok || !g2.ok) return;
    const progress: number[] = [];
    const out = await printBatch(deps, [g1.document, g2.document], '今日待送达文书', (f) => progress.push(f));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const pages = pdfText(out.bytes).split('\f').map((p) => p.replace(/\s+/g, ''));
    const starts = pages.map((p, i) => ({ i: i + 1, p })).filter(({ p }) => p.includes('某某县发展和改革局列入严重失信主体名单决定书') || p.startsWith('送达回证'));
    expect(starts.map((s) => s.i % 2)).toEqual([1, 1, 1, 1]);
    expect(starts.filter((s) => s.p.startsWith('送达回证'))).toHaveLength(2);
    expect(progress.at(-1)).toBe(1);
    // rendering for the preview is not logged; printing it is
    expect(await store.printLog()).toEqual([]);
    await handOut(deps, out.job, 'print', async () => ({ handedOut: true, message: '已发送到打印机。' }));
    expect((await store.printLog())[0]).toMatchObject({ action: 'batch-print', pages: out.pages, sha256: out.sha256, documentIds: [g1.document.id, g2.document.id] });
  });
});

describe('office templates', () => {
  it('saves an edited paragraph as a new version and issues with it, recording the version', async () => {
    const { store, deps } = await device('dev-T', [block('dev-T', 'listing-decision', 1, 10)]);
    expect((await store.latestTemplate('listing-decision')).version).toBe(1);
    const base = await store.latestTemplate('listing-decision');
    const v2 = await store.saveTemplate('listing-decision', { ...base.paragraphs, intro: '经本局依法认定，现决定将你（单位）列入{{listName}}。' }, '2026-11-20T00:00:00Z', '管理员');
    expect(v2.version).toBe(2);
    expect((await store.templateVersions('listing-decision')).map((t) => t.version)).toEqual([1, 2]);
    const out = await issueDocument(deps, { input: listingInput(), template: await store.latestTemplate('listing-decision'), service: SERVICE });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.document.templateVersion).toBe(2);
    expect(pdfText(out.document.pdf).replace(/\s+/g, '')).toContain('经本局依法认定，现决定将你（单位）列入严重失信主体名单。');
  });
});


describe('viewing, saving and printing one issued document', () => {
  it('views without logging, refuses a corrupted snapshot, and logs nothing when a dialog is cancelled', async () => {
    const { store, deps, db } = await device('dev-V', [block('dev-V', 'listing-decision', 1, 10)]);
    const issued = await issueDocument(deps, { input: listingInput(), service: SERVICE });
    expect(issued.ok).toBe(true);
    if (!issued.ok) return;
    for (let i = 0; i < 3; i++) expect((await openStored(deps, issued.document.id, sha256Hex)).ok).toBe(true);
    expect(await store.printLog()).toEqual([]);

    const cancelled = await handOut(deps, storedJob(issued.document), 'save', async () => ({ handedOut: false, message: '已取消保存。' }));
    expect(cancelled).toEqual({ handedOut: false, message: '已取消保存。' });
    const printCancelled = await handOut(deps, storedJob(issued.document), 'print', async () => ({ handedOut: false, message: '已取消打印。' }));
    expect(printCancelled.handedOut).toBe(false);
    expect(await store.printLog()).toEqual([]);

    const handed: Uint8Array[] = [];
    await handOut(deps, storedJob(issued.document), 'save', async (bytes) => {
      handed.push(bytes);
      return { handedOut: true, message: '已保存。' };
    });
    expect(await sha256Hex(handed[0]!)).toBe(issued.document.sha256);
    expect(await store.printLog()).toEqual([expect.objectContaining({ action: 'download', sha256: issued.document.sha256, documentIds: [issued.document.id], by: '张办事员' })]);

    // a snapshot whose bytes no longer match their SHA-256 is neither shown nor handed out
    await db.table('issuedDocuments').update(issued.document.id, { pdf: new Uint8Array([1, 2, 3]) });
    const corrupt = await openStored(deps, issued.document.id, sha256Hex);
    expect(!corrupt.ok && corrupt.reason).toContain('校验不符');
  });

  it('prints one document followed by its 送达回证 on an odd page, through the batch path, logged as a reprint', async () => {
    const { store, deps } = await device('dev-S', [block('dev-S', 'listing-decision', 7, 10)]);
    const issued = await issueDocument(deps, { input: listingInput(), service: SERVICE });
    expect(issued.ok).toBe(true);
    if (!issued.ok) return;
    const out = await printBatch(deps, [issued.document], '列入决定书某发改信用〔2026〕7号（含送达回证）', undefined, { action: 'reprint' });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.documents.map((d) => d.id)).toEqual([issued.document.id]);
    const pages = pdfPages(out.bytes).map((p) => p.replace(/\s+/g, ''));
    const docStart = pages.findIndex((p) => p.includes('列入严重失信主体名单决定书'));
    const proofStart = pages.findIndex((p) => p.startsWith('送达回证'));
    expect(docStart).toBe(0);
    expect(proofStart).toBeGreaterThan(docStart);
    expect((proofStart + 1) % 2).toBe(1); // the 送达回证 starts on an odd page
    // (pdftotext reads the table's row label 名称及文号 into the cell's text)
    expect(pages[proofStart]!.replace('名称及文号', '')).toContain('《列入严重失信主体名单决定书》（附件：《信用修复告知书》）某发改信用〔2026〕7号');
    expect(pages[proofStart]).toContain(COMPANY.name);
    // the document pages are those of the stored snapshot (deterministic rendering)
    expect(pages.slice(0, issued.document.pages).join('')).toBe(pdfPages(issued.document.pdf).map((p) => p.replace(/\s+/g, '')).join(''));

    expect(await store.printLog()).toEqual([]);
    await handOut(deps, out.job, 'print', async () => ({ handedOut: true, message: '已发送到打印机。' }));
    expect(await store.printLog()).toEqual([expect.objectContaining({ action: 'reprint', documentIds: [issued.document.id], sha256: out.sha256, pages: out.pages })]);
  });

  it('prints a 列入决定书 with its 附件 (信用修复告知书) as one served unit whose 送达回证 names both', async () => {
    const { store, deps } = await device('dev-G', [block('dev-G', 'listing-decision', 1, 10)]);
    const decision = await issueDocument(deps, { input: listingInput(), service: SERVICE });
    const other = await issueDocument(deps, { input: listingInput({ subject: { ...COMPANY, name: '某某县顺达运输有限公司' } }), service: { ...SERVICE, recipient: '某某县顺达运输有限公司' } });
    expect(decision.ok && other.ok).toBe(true);
    if (!decision.ok || !other.ok) return;
    const out = await printBatch(deps, [decision.document], '打印', undefined, { action: 'reprint' });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.documents.map((d) => d.id)).toEqual([decision.document.id]);
    expect(out.job.printAction).toBe('reprint');
    const pages = pdfPages(out.bytes).map((p) => p.replace(/\s+/g, ''));
    const decisionAt = pages.findIndex((p) => p.includes('列入严重失信主体名单决定书') && !p.startsWith('送达回证'));
    const attachmentAt = pages.findIndex((p) => p.startsWith('附件') && p.includes('信用修复告知书'));
    const proofs = pages.map((p, i) => (p.startsWith('送达回证') ? i : -1)).filter((i) => i >= 0);
    expect(decisionAt).toBe(0);
    expect(attachmentAt).toBeGreaterThan(decisionAt);
    expect(proofs).toHaveLength(1);
    expect(proofs[0]!).toBeGreaterThan(attachmentAt);
    expect((proofs[0]! + 1) % 2).toBe(1);
    const proof = pages[proofs[0]!]!.replace('名称及文号', '');
    expect(proof).toContain('《列入严重失信主体名单决定书》（附件：《信用修复告知书》）某发改信用〔2026〕1号');
    expect(pages.join('')).not.toContain('某某县顺达运输有限公司');
    expect(await store.printLog()).toEqual([]);
  });
});
