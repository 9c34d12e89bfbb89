/**
 * The bench page: served beside the built app (same origin, so the same IndexedDB), it generates
 * the synthetic county through the desk's bulk path and times the desk's reads against raw Dexie
 * queries on the same database, in Chromium. Driven by bench/app.ts; never part of the app build.
 */
import Dexie from 'dexie';
import { read as readWorkbook, utils as sheetUtils, write as writeWorkbook } from '@e965/xlsx';
import { CreditDeskDb, DB_NAME } from '../../renderer/src/db/database';
import { createDesk, fixedDateClock, staticSession, type Desk } from '../../renderer/src/desk/desk';
import { countCases, recordAct, searchCases } from '../../renderer/src/desk/cases';
import { countSubjects, searchSubjects } from '../../renderer/src/desk/subjects';
import { attentionCounts, listDeadlines, type DeadlineFilter } from '../../renderer/src/desk/deadlines';
import { listCases } from '../../renderer/src/desk/case-list';
import { nameQueryKey } from '../../renderer/src/desk/search-terms';
import { generateCounty, setUpCountyOffice, type CountyOptions } from '../county/generate';
import { ImportEngine } from '../../renderer/src/exchange/import-engine';
import { commitImport, importRules } from '../../renderer/src/desk/imports';
import { importTemplate } from '../../shared/exchange/templates';
import { computeUsccCheckChar } from '../../shared/identifiers/uscc';
import { createDexieOutboxStore } from '../../renderer/src/desk/sync/outbox-store';
import { statisticsView } from '../../renderer/src/desk/stats';
import { statsBucketsTable } from '../../renderer/src/desk/credit/tables';

type Timing = { ms: number[] };

async function openDesk(today: string): Promise<Desk> {
  const db = new CreditDeskDb(DB_NAME);
  await db.open();
  return createDesk(db, { clock: fixedDateClock(today), session: staticSession({ userId: 'staff:县信用办经办人', name: '县信用办经办人' }) });
}

async function time(fn: () => Promise<unknown>, runs: number): Promise<Timing> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return { ms };
}

const api = {
  async generate(options: CountyOptions) {
    const desk = await openDesk(options.today);
    await setUpCountyOffice(desk);
    const t0 = performance.now();
    const summary = await generateCounty(desk, { ...options, onProgress: (p) => console.log(`county: ${p.cases} cases, ${p.subjects} subjects, ${p.events} events`) });
    const ms = performance.now() - t0;
    desk.db.close();
    return { ...summary, ms };
  },

  /** Queries the bench times: fragments taken from the county itself (prefixes and substrings). */
  async sampleQueries(today: string) {
    const desk = await openDesk(today);
    const db = desk.db;
    const orgs = await db.subjects.where('kind').equals('legal_person').limit(4000).toArray();
    const pick = (i: number) => orgs[(i * 997) % orgs.length]!;
    const names = Array.from({ length: 20 }, (_, i) => pick(i).name!);
    const prefixes = names.map((n) => [...n].slice(0, 5).join(''));
    const substrings = names.map((n) => [...n].slice(3, 7).join(''));
    const codes = names.map((_, i) => pick(i).uscc!);
    const cases = await db.cases.limit(4000).toArray();
    const caseNos = Array.from({ length: 20 }, (_, i) => cases[(i * 631) % cases.length]!.caseNo);
    const docNos = Array.from({ length: 20 }, (_, i) => cases[(i * 379) % cases.length]!.docNos[0]!);
    const notices = (await db.documentNumbers.limit(4000).toArray()).filter((_, i) => i % 200 === 0).map((d) => d.no).slice(0, 20);
    db.close();
    return { prefixes, substrings, common: ['示例县', '有限公司', '建筑工程', '商贸', 'xrsm'], codes, caseNos, docNos, notices };
  },

  /** Our search function vs a raw indexed Dexie query returning the same first page. */
  async timeSearch(today: string, kind: 'cases' | 'subjects', queries: string[], floorIndex: 'terms' | 'caseNo' | 'docNos' | 'no' | 'codeKey', runs: number) {
    const desk = await openDesk(today);
    const db = desk.db;
    const ours: number[] = [];
    const floor: number[] = [];
    const ourSearch = (q: string) => (kind === 'cases' ? searchCases(desk, q, 0, 20) : searchSubjects(desk, q, 0, 20));
    // The floor: the fewest raw Dexie requests that return the same page from the same indexes.
    const runFloor = async (q: string) => {
      if (floorIndex === 'caseNo') await db.cases.where('caseNo').startsWith(q).limit(21).toArray();
      else if (floorIndex === 'docNos') await db.cases.where('docNos').startsWith(q).limit(21).toArray();
      else if (floorIndex === 'no') await db.cases.bulkGet((await db.documentNumbers.where('no').startsWith(q).limit(21).toArray()).map((d) => d.caseId));
      else if (floorIndex === 'codeKey') {
        if (kind === 'subjects') await db.subjects.where('codeKey').startsWith(`U:${q}`).limit(21).toArray();
        else await db.cases.bulkGet(await db.caseTerms.where('terms').startsWith(`#U:${q}`).limit(21).primaryKeys());
      } else if (kind === 'subjects') await db.subjects.where('searchTerms').startsWith(nameQueryKey(q)).limit(21).toArray();
      else await db.cases.bulkGet(await db.caseTerms.where('terms').startsWith(nameQueryKey(q)).limit(21).primaryKeys());
    };
    // One untimed pass of both (code warmed, the pages in the storage cache for both alike), then
    // timed pairs whose order alternates, so neither side always reads what the other just read.
    for (const q of queries) {
      await ourSearch(q);
      await runFloor(q);
    }
    for (let r = 0; r < runs; r++) {
      for (const [i, q] of queries.entries()) {
        const pair: [number[], () => Promise<unknown>][] = [[ours, () => ourSearch(q)], [floor, () => runFloor(q)]];
        if ((r + i) % 2 === 1) pair.reverse();
        for (const [into, run] of pair) {
          const t0 = performance.now();
          await run();
          into.push(performance.now() - t0);
        }
      }
    }
    const counts: number[] = [];
    for (const q of queries.slice(0, 5)) {
      const t0 = performance.now();
      if (kind === 'cases') await countCases(desk, q, (await searchCases(desk, q, 0, 1)).match);
      else await countSubjects(desk, q, (await searchSubjects(desk, q, 0, 1)).match);
      counts.push(performance.now() - t0);
    }
    db.close();
    return { ours, floor, counts };
  },

  /** The work list's filters (page + count) vs the raw range read of the same index. */
  async timeWorkList(today: string, runs: number) {
    const desk = await openDesk(today);
    const db = desk.db;
    const kind = (await db.deadlines.orderBy('[kind+dueDate]').first())?.kind ?? 'validity';
    const out: Record<string, { ours: number[]; floor: number[]; total: number }> = {};
    const filters: [string, DeadlineFilter, string | undefined][] = [['全部', 'all', undefined], ['已逾期', 'overdue', undefined], ['暂定/未设置/中止', 'provisional', undefined], ['本周到期', 'week', undefined], ['按期限类型', 'all', kind], ['已逾期+类型', 'overdue', kind]];
    for (const [label, filter, k] of filters) {
      const ours: number[] = [];
      const floor: number[] = [];
      let total = 0;
      for (let r = 0; r < runs; r++) {
        let t0 = performance.now();
        total = (await listDeadlines(desk, { filter, pageSize: 100, ...(k ? { kind: k } : {}) })).total;
        ours.push(performance.now() - t0);
        t0 = performance.now();
        const range = filter === 'overdue' ? db.deadlines.where('[attention+dueDate]').between([1, '1000-01-01'], [1, today]) : filter === 'provisional' ? db.deadlines.where('[flagged+dueDate]').between([1, ''], [1, '9999-12-31'], true, true) : db.deadlines.orderBy('dueDate');
        await Promise.all([range.clone().limit(101).toArray(), db.deadlines.count()]);
        floor.push(performance.now() - t0);
      }
      out[label] = { ours, floor, total };
    }
    const listOurs = await time(() => listCases(desk, { stage: 'D5', severity: 'severe' }, 0, 100), runs);
    const listFloor = await time(() => db.caseList.where('[stage+dueSort]').between(['D5', ''], ['D5', '\uffff']).limit(100).toArray(), runs);
    out['案件列表：阶段+严重程度'] = { ours: listOurs.ms, floor: listFloor.ms, total: 0 };
    db.close();
    return out;
  },

  /** One act on one case, then the badge's counts (ours) vs the raw counts of the same ranges (floor). */
  async timeBadge(today: string, runs: number) {
    const desk = await openDesk(today);
    const db = desk.db;
    const ours: number[] = [];
    const floor: number[] = [];
    const acts: number[] = [];
    const targets = await db.cases.where('state').equals('D5').limit(runs).toArray();
    for (const [i, c] of targets.entries()) {
      let t0 = performance.now();
      const r = await recordAct(desk, c.id, { type: 'platform_pushed', occurredOn: today, payload: { platform: 'city', reference: `bench-${i}` } });
      acts.push(performance.now() - t0);
      if (!r.ok) throw new Error(r.reason);
      t0 = performance.now();
      await attentionCounts(desk);
      ours.push(performance.now() - t0);
      t0 = performance.now();
      await Promise.all([db.deadlines.where('[attention+dueDate]').between([1, '1000-01-01'], [1, today]).count(), db.deadlines.where('dueDate').equals(today).count()]);
      floor.push(performance.now() - t0);
    }
    db.close();
    return { ours, floor, acts };
  },

  /** The import's floor: raw SheetJS parse of a 50,000 × 20 workbook + raw Dexie bulkPut of its rows. */
  async timeImportFloor(rows: number) {
    const header = Array.from({ length: 20 }, (_, i) => `列${i + 1}`);
    const data = [header, ...Array.from({ length: rows }, (_, r) => header.map((_, c) => (c === 0 ? `示例县第${r}号有限公司` : c === 1 ? `9121990${String(r).padStart(10, '0')}X` : `第${r}行第${c}列`)))];
    const bytes = writeWorkbook({ SheetNames: ['主体'], Sheets: { 主体: sheetUtils.aoa_to_sheet(data) } }, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
    const t0 = performance.now();
    const wb = readWorkbook(new Uint8Array(bytes), { type: 'array' });
    const parsed = sheetUtils.sheet_to_json<Record<string, string>>(wb.Sheets['主体']!);
    const parseMs = performance.now() - t0;
    const floorDb = new Dexie(`bench-import-floor-${Date.now()}`);
    floorDb.version(1).stores({ rows: '++id' });
    await floorDb.open();
    const t1 = performance.now();
    for (let i = 0; i < parsed.length; i += 5000) await floorDb.table('rows').bulkPut(parsed.slice(i, i + 5000));
    const putMs = performance.now() - t1;
    floorDb.close();
    await Dexie.delete(floorDb.name);
    return { parseMs, putMs, rows: parsed.length, bytes: bytes.byteLength };
  },

  /**
   * The Excel import of a 50,000 × 20 organisation register (9 template columns + 11 other columns)
   * into a fresh desk database: worker steps (open, prepare, validate) run here on the page, then
   * previewed and written in one transaction by commitImport. Same workbook shape as the floor.
   */
  async timeImport(rows: number, today: string) {
    const template = importTemplate('subjects_org');
    const header = [...template.columns.map((c) => c.header), ...Array.from({ length: 20 - template.columns.length }, (_, i) => `其他${i + 1}`)];
    const code = (r: number) => {
      const body = `9121990${String(r).padStart(10, '0')}`;
      return `${body}${computeUsccCheckChar(body) ?? ''}`;
    };
    const data = [header, ...Array.from({ length: rows }, (_, r) => header.map((h, c) => (h === '主体名称' ? `示例县第${r}号有限公司` : h === '主体类别' ? '法人' : h === '统一社会信用代码' ? code(r) : h === '序号' ? String(r + 1) : `第${r}行第${c}列`)))];
    const bytes = new Uint8Array(writeWorkbook({ SheetNames: ['组织主体'], Sheets: { 组织主体: sheetUtils.aoa_to_sheet(data) } }, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const db = new CreditDeskDb(`bench-import-${Date.now()}`);
    await db.open();
    const desk = createDesk(db, { clock: fixedDateClock(today), session: staticSession({ userId: 'staff:县信用办经办人', name: '县信用办经办人' }) });
    await setUpCountyOffice(desk);
    const t0 = performance.now();
    const engine = new ImportEngine();
    const opened = engine.open(bytes, '组织主体.xlsx', 'subjects_org');
    if (!opened.ok || !opened.sheet) throw new Error(opened.ok ? 'no sheet' : opened.message);
    const prepared = engine.prepare(opened.sheet);
    if (!prepared.ok) throw new Error(prepared.message);
    const checked = await engine.validate(prepared.proposal.mapping, await importRules(desk), () => undefined);
    if (!checked?.ok) throw new Error('validation failed');
    const parseMs = performance.now() - t0;
    const t1 = performance.now();
    const outcome = await commitImport(desk, { templateId: 'subjects_org', template, file: { name: '组织主体.xlsx', sha256: opened.sha256, size: opened.size }, rows: checked.rows, choice: 'valid_rows' });
    const writeMs = performance.now() - t1;
    if (!outcome.ok) throw new Error(outcome.reason);
    const heapMb = ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1e6;
    db.close();
    await Dexie.delete(db.name);
    return { ms: parseMs + writeMs, parseMs, writeMs, written: outcome.written.subjects, heapMb };
  },

  /**
   * The sync status badge's read (outboxStore.counts: the unsent rows' summaries, outboxPending) vs
   * the raw read of that table (floor); and, apart, what it replaced: counting the outbox's
   * `state = 'queued'` index range, which Chromium fills with stale entries as rows are acked.
   */
  async timeOutboxStatus(today: string, runs: number) {
    const desk = await openDesk(today);
    const db = desk.db;
    const store = createDexieOutboxStore(db);
    const ours: number[] = [];
    const floor: number[] = [];
    let unsent = 0;
    for (let r = 0; r < runs; r++) {
      let t0 = performance.now();
      unsent = (await store.counts()).unsent;
      ours.push(performance.now() - t0);
      t0 = performance.now();
      await db.outboxPending.toArray();
      floor.push(performance.now() - t0);
    }
    const t0 = performance.now();
    const queuedByIndex = await db.outbox.where('state').equals('queued').count();
    const indexCountMs = performance.now() - t0;
    db.close();
    return { ours, floor, unsent, queuedByIndex, indexCountMs };
  },

  /** The 统计 page's read and aggregation (statisticsView) vs a raw read of the bucket table. */
  async timeStatistics(today: string, runs: number) {
    const desk = await openDesk(today);
    const db = desk.db;
    const ours: number[] = [];
    const floor: number[] = [];
    let buckets = 0;
    for (let r = 0; r < runs; r++) {
      let t0 = performance.now();
      await statsBucketsTable(db).toArray();
      floor.push(performance.now() - t0);
      t0 = performance.now();
      buckets = (await statisticsView(desk, {})).bucketsRead;
      ours.push(performance.now() - t0);
    }
    db.close();
    return { ours, floor, buckets };
  },

  /** Cases whose next act is the 列入决定书 (for the preview figure): D2, 事先告知 served. */
  async previewCandidates(today: string, n: number) {
    const desk = await openDesk(today);
    const rows = await desk.db.cases.where('state').equals('D2').limit(n).toArray();
    desk.db.close();
    return rows.map((r) => r.id);
  },

  /** Raw floor of cold start: open the database and count the cases. */
  async rawOpenCount() {
    const t0 = performance.now();
    const db = new Dexie(DB_NAME);
    await db.open();
    const n = await db.table('cases').count();
    db.close();
    return { ms: performance.now() - t0, cases: n };
  },
};

(window as unknown as { bench: typeof api }).bench = api;
document.title = 'bench ready';
