/**
 * The Excel import as a desk act: rows checked by shared/exchange (in the worker) are matched against
 * the desk's records, then written through the bulk path (importBatch) in ONE transaction — a crash,
 * a closed window or a full disk leaves nothing half-written — with one audit row for the import
 * (who, when, file name, file hash, counts) and the outbox rows of every subject and act written.
 *
 * The user chooses "import the valid rows" ('valid_rows': create + merge, rejected rows come back
 * with their 错误说明) or "nothing until all are fixed" ('all_or_nothing': nothing is written while
 * one row is rejected). A row matching a stored subject is merged into it (never doubled); a case
 * whose subject already has the same basis document is skipped; rows that repeat one another are
 * rejected with the row they repeat.
 */
import {
  createDuplicateTracker,
  groupCaseRows,
  nameKey,
  rowAction,
  rejectionText,
  summariseImport,
  type CaseImportRow,
  type ColumnMapping,
  type DuplicateKey,
  type ExistingLookup,
  type ExistingMatch,
  type ImportedRow,
  type ImportRowValue,
  type ImportSummary,
  type ImportTemplate,
  type ImportTemplateId,
  type LinkedPersonRow,
  type OrgSubjectRow,
  type PersonSubjectRow,
  type RowResult,
} from '../../../shared';
import { selectRuleSet } from '../../../shared/rules/select';
import type { RuleSet, RuleSetPin } from '../../../shared/rules/types';
import type { IsoDate } from '../../../shared/util/dates';
import type { LinkRole, SubjectRow } from '../db/types';
import type { Desk } from './desk';
import { importBatch, type BatchCase, type BatchLink, type BatchSubject, type DeskBatch, type ItemRef } from './bulk';
import { lookupSecret } from './device';
import { allStoredRuleSets, presetById, ruleSetForCase } from './rules';
import { getOffice, getSetting, putPreference, type OfficeProfile } from './settings';
import { personCodeKey, subjectLabel } from './subjects';

export type ImportChoice = 'valid_rows' | 'all_or_nothing';

export type ImportFileInfo = { name: string; sha256: string; size: number };

/** A row the worker checked (validateRow's result, cells stay in the worker). */
export type CheckedRow = RowResult<ImportRowValue>;

/** What the worker needs to check case rows against the rule sets (plain data, structured-cloneable). */
export type ImportRules = { today: IsoDate; ruleSets: RuleSet[]; jurisdictionKey: string | null; behaviourCatalogues: string[] };

/** The rule sets stored on this desk and the office's main jurisdiction (its first catalogue assignment). */
export async function importRules(desk: Desk): Promise<ImportRules> {
  const office = await getOffice(desk.db);
  const ruleSets = await allStoredRuleSets(desk.db);
  const presets = (office?.assignments ?? []).map((a) => presetById(a.ruleSetId)).filter((p): p is RuleSet => !!p);
  return {
    today: desk.clock.today(),
    ruleSets,
    jurisdictionKey: presets[0]?.jurisdictionKey ?? null,
    behaviourCatalogues: (office?.assignments ?? []).map((a) => a.catalogueId),
  };
}

const MAPPING_KEY = (fingerprint: string) => `importMapping:${fingerprint}`;

/** A mapping the user confirmed for this header row before (by headerFingerprint). */
export async function rememberedMapping(desk: Desk, fingerprint: string): Promise<ColumnMapping | null> {
  return (await getSetting<ColumnMapping>(desk.db, MAPPING_KEY(fingerprint))) ?? null;
}

export async function rememberMapping(desk: Desk, mapping: ColumnMapping): Promise<void> {
  await putPreference(desk, MAPPING_KEY(mapping.headerFingerprint), mapping);
}

function subjectKeyString(idType: 'uscc' | 'citizen_id', code: string): string {
  return `${idType}|${code}`;
}

type Existing = {
  lookup: ExistingLookup;
  /** Stored subjects by code (uscc or citizen ID). */
  subjectByCode: Map<string, SubjectRow>;
  /** Stored, not voided links: `${orgId}|${role}|${personId}`, and orgs that have a 法定代表人. */
  links: Set<string>;
};

/**
 * The desk's records that the rows may match, read in bulk (codes, keyed ID hashes, basis numbers),
 * as a synchronous lookup for shared's duplicate tracker.
 */
async function loadExisting(desk: Desk, values: readonly ImportRowValue[]): Promise<Existing> {
  const db = desk.db;
  const secret = await lookupSecret(db, desk.ids);
  const usccs = new Set<string>();
  const ids = new Set<string>();
  const docNos = new Set<string>();
  for (const v of values) {
    if ('basisDocument' in v) {
      const c = v as CaseImportRow;
      if (c.subject.uscc) usccs.add(c.subject.uscc);
      if (c.subject.citizenId) ids.add(c.subject.citizenId);
      docNos.add(c.basisDocument.documentNo.trim());
    } else if ('organisation' in v) {
      const l = v as LinkedPersonRow;
      usccs.add(l.organisation.uscc);
      ids.add(l.person.citizenId);
    } else if (v.kind === 'natural_person') ids.add((v as PersonSubjectRow).citizenId);
    else {
      const o = v as OrgSubjectRow;
      usccs.add(o.uscc);
      if (o.legalRepresentative?.citizenId) ids.add(o.legalRepresentative.citizenId);
    }
  }
  const codeKeyOf = new Map<string, string>();
  for (const u of usccs) codeKeyOf.set(`U:${u}`, subjectKeyString('uscc', u));
  for (const id of ids) codeKeyOf.set(personCodeKey(secret, id), subjectKeyString('citizen_id', id));
  const subjects = await db.subjects.where('codeKey').anyOf([...codeKeyOf.keys()]).toArray();
  const subjectByCode = new Map<string, SubjectRow>();
  for (const s of subjects) {
    const k = codeKeyOf.get(s.codeKey);
    if (k) subjectByCode.set(k, s);
  }
  const subjectById = new Map(subjects.map((s) => [s.id, s]));
  // Cases by basis number (the same subject with the same basis document is the same case).
  const caseByKey = new Map<string, ExistingMatch>();
  if (docNos.size > 0) {
    const basis = await db.basisDocuments.where('docNo').anyOf([...docNos]).toArray();
    const cases = await db.cases.bulkGet([...new Set(basis.map((b) => b.caseId))]);
    const caseById = new Map(cases.flatMap((c) => (c ? [[c.id, c] as const] : [])));
    const missing = [...new Set(cases.flatMap((c) => (c && !subjectById.has(c.subjectId) ? [c.subjectId] : [])))];
    for (const s of await db.subjects.bulkGet(missing)) if (s) subjectById.set(s.id, s);
    for (const b of basis) {
      const c = caseById.get(b.caseId);
      const s = c ? subjectById.get(c.subjectId) : undefined;
      if (!c || !s) continue;
      const code = s.kind === 'natural_person' ? (s.pii?.idNumber ?? '') : (s.uscc ?? '');
      caseByKey.set(`${code}|${nameKey(b.docNo)}`, { id: c.id, label: c.caseNo });
    }
  }
  const orgIds = [...subjectByCode.values()].filter((s) => s.kind !== 'natural_person').map((s) => s.id);
  const storedLinks = orgIds.length > 0 ? (await db.subjectLinks.where('fromSubjectId').anyOf(orgIds).toArray()).filter((l) => !l.voided) : [];
  const links = new Set<string>();
  for (const l of storedLinks) {
    links.add(`${l.fromSubjectId}|${l.role}|${l.toSubjectId}`);
    links.add(`${l.fromSubjectId}|${l.role}|*`);
  }
  const lookup: ExistingLookup = (key: DuplicateKey) => {
    switch (key.kind) {
      case 'subject': {
        const s = subjectByCode.get(subjectKeyString(key.idType, key.code));
        return s ? { id: s.id, label: subjectLabel(s), name: subjectLabel(s) } : null;
      }
      case 'case':
        return caseByKey.get(`${key.subjectCode}|${key.basisDocumentNo}`) ?? null;
      case 'linked_person': {
        const org = subjectByCode.get(subjectKeyString('uscc', key.organisationUscc));
        const person = subjectByCode.get(subjectKeyString('citizen_id', key.citizenId));
        if (!org || !person || !links.has(`${org.id}|${key.role}|${person.id}`)) return null;
        return { id: `${org.id}|${person.id}`, label: `${subjectLabel(org)}的${key.role}${subjectLabel(person)}` };
      }
    }
  };
  return { lookup, subjectByCode, links };
}

export type ImportPreview = { rows: ImportedRow[]; summary: ImportSummary };

/** Duplicates within the file and against the desk, in row order; the preview counts. */
export async function previewImport(desk: Desk, rows: readonly CheckedRow[]): Promise<ImportPreview> {
  const existing = await loadExisting(desk, rows.flatMap((r) => (r.status === 'valid' && r.value ? [r.value] : [])));
  return trackDuplicates(rows, existing.lookup);
}

function trackDuplicates(rows: readonly CheckedRow[], lookup: ExistingLookup): ImportPreview {
  const tracker = createDuplicateTracker(lookup);
  const out: ImportedRow[] = rows.map((r) => ({ ...r, duplicate: r.status === 'valid' && r.value ? tracker.check(r.rowNumber, r.value) : null }));
  return { rows: out, summary: summariseImport(out) };
}

export type ImportRejected = { rowNumber: number; reason: string };

export type ImportOutcome =
  | {
      ok: true;
      written: { subjects: number; merged: number; links: number; cases: number; skipped: number };
      rejected: ImportRejected[];
      summary: ImportSummary;
    }
  | { ok: false; code: string; reason: string; rejected: ImportRejected[]; summary: ImportSummary };

export type CommitImportInput = {
  templateId: ImportTemplateId;
  template: ImportTemplate;
  file: ImportFileInfo;
  rows: readonly CheckedRow[];
  choice: ImportChoice;
};

const ROLE_OF: Record<string, LinkRole> = { 法定代表人: '法定代表人', 主要负责人: '主要负责人', 主要责任人: '主要责任人', 实际控制人: '实际控制人', 直接责任人: '直接责任人' };

type Plan = { batch: DeskBatch; rowsOfKey: Map<string, number[]>; rejected: ImportRejected[]; merged: number; skipped: number };

function addRejected(list: ImportRejected[], rowNumber: number, reason: string): void {
  list.push({ rowNumber, reason });
}

/** The batch the rows to write make (new subjects, links, cases), with the sheet rows behind each item. */
async function planBatch(desk: Desk, office: OfficeProfile | undefined, template: ImportTemplate, preview: ImportPreview, existing: Existing): Promise<Plan> {
  const subjects: BatchSubject[] = [];
  const links: BatchLink[] = [];
  const cases: BatchCase[] = [];
  const rowsOfKey = new Map<string, number[]>();
  const rejected: ImportRejected[] = [];
  let merged = 0;
  let skipped = 0;
  const own = (key: string, rowNumber: number) => rowsOfKey.set(key, [...(rowsOfKey.get(key) ?? []), rowNumber]);
  // One item per code in this batch: a person named in several rows is registered once.
  const newByCode = new Map<string, string>();
  const refFor = (idType: 'uscc' | 'citizen_id', code: string, make: () => BatchSubject['subject'], rowNumber: number): ItemRef => {
    const stored = existing.subjectByCode.get(subjectKeyString(idType, code));
    if (stored) return { id: stored.id };
    const k = subjectKeyString(idType, code);
    const known = newByCode.get(k);
    if (known) {
      own(known, rowNumber);
      return { key: known };
    }
    const key = `s:${k}`;
    newByCode.set(k, key);
    subjects.push({ key, subject: make() });
    own(key, rowNumber);
    return { key };
  };
  const linkOnce = (org: ItemRef, person: ItemRef, role: LinkRole, rowNumber: number) => {
    if ('id' in org && 'id' in person && existing.links.has(`${org.id}|${role}|${person.id}`)) return;
    const key = `l:${JSON.stringify(org)}|${role}|${JSON.stringify(person)}`;
    if (links.some((l) => l.key === key)) return;
    links.push({ key, org, person, role });
    own(key, rowNumber);
  };

  for (const row of preview.rows) {
    const action = rowAction(row);
    if (action === 'skip') skipped += 1;
    if (action === 'reject') addRejected(rejected, row.rowNumber, rejectionText(row));
    if ((action !== 'create' && action !== 'merge') || !row.value) continue;
    if (action === 'merge') merged += 1;
    const v = row.value;
    if (template.id === 'subjects_org') {
      const o = v as OrgSubjectRow;
      const org = refFor('uscc', o.uscc, () => ({ kind: o.kind as Exclude<SubjectRow['kind'], 'natural_person'>, name: o.name, uscc: o.uscc, ...(o.township ? { region: o.township } : {}) }), row.rowNumber);
      const rep = o.legalRepresentative;
      if (rep?.citizenId) {
        const person = refFor('citizen_id', rep.citizenId, () => ({ kind: 'natural_person', pii: { name: rep.name, idType: '居民身份证', idNumber: rep.citizenId! }, ...(o.township ? { region: o.township } : {}) }), row.rowNumber);
        linkOnce(org, person, '法定代表人', row.rowNumber);
      }
    } else if (template.id === 'subjects_person') {
      const p = v as PersonSubjectRow;
      refFor('citizen_id', p.citizenId, () => ({ kind: 'natural_person', pii: { name: p.name, idType: '居民身份证', idNumber: p.citizenId, ...(p.address ? { address: p.address } : {}) }, ...(p.township ? { region: p.township } : {}) }), row.rowNumber);
    } else if (template.id === 'linked_persons') {
      const l = v as LinkedPersonRow;
      const stored = existing.subjectByCode.get(subjectKeyString('uscc', l.organisation.uscc));
      if (!stored) {
        addRejected(rejected, row.rowNumber, `C列“统一社会信用代码”：主体“${l.organisation.name}”尚未登记，请先用“企业及其他组织主体”模板导入该主体，再导入本行`);
        continue;
      }
      const person = refFor('citizen_id', l.person.citizenId, () => ({ kind: 'natural_person', pii: { name: l.person.name, idType: '居民身份证', idNumber: l.person.citizenId } }), row.rowNumber);
      linkOnce({ id: stored.id }, person, ROLE_OF[l.role] ?? '主要责任人', row.rowNumber);
    }
  }

  if (template.id === 'cases') {
    const grouped = groupCaseRows(preview.rows);
    for (const r of grouped.refused) addRejected(rejected, r.rowNumber, r.reason);
    const storedRuleSets = await allStoredRuleSets(desk.db);
    const mainJurisdiction = (office?.assignments ?? []).map((a) => presetById(a.ruleSetId)?.jurisdictionKey).find((k) => !!k) ?? null;
    for (const [i, draft] of grouped.drafts.entries()) {
      const c = draft.row;
      const first = draft.rowNumbers[0] ?? 0;
      let pin: RuleSetPin | null = null;
      const selected = c.behaviourCode && office ? await ruleSetForCase(desk, office, c.behaviourCode, c.determinedOn) : mainJurisdiction ? selectRuleSet(storedRuleSets, mainJurisdiction, c.determinedOn) : null;
      if (selected?.ok) pin = selected.pin;
      if (!pin) {
        const reason = selected && !selected.ok ? selected.reason : '办公室尚未指定适用的规则集，请先在“设置”中指定，再导入案件';
        for (const n of draft.rowNumbers) addRejected(rejected, n, `“认定日期”：${reason}`);
        continue;
      }
      const s = c.subject;
      const subject =
        s.kind === 'natural_person'
          ? refFor('citizen_id', s.citizenId ?? '', () => ({ kind: 'natural_person', pii: { name: s.name, idType: '居民身份证', idNumber: s.citizenId ?? '' }, ...(c.township ? { region: c.township } : {}) }), first)
          : refFor('uscc', s.uscc ?? '', () => ({ kind: s.kind as Exclude<SubjectRow['kind'], 'natural_person'>, name: s.name, uscc: s.uscc ?? '', ...(c.township ? { region: c.township } : {}) }), first);
      const key = `c:${i}`;
      for (const n of draft.rowNumbers) own(key, n);
      cases.push({
        key,
        subject,
        ...(c.caseRef ? { caseNo: c.caseRef } : {}),
        casePrefix: office?.numbering.casePrefix ?? '信案',
        behaviourLabel: c.behaviourText,
        proportionalityNote: c.remark ?? '按原登记册导入',
        determined: {
          occurredOn: c.determinedOn,
          payload: {
            behaviourCode: c.behaviourCode,
            behaviourText: c.behaviourText,
            facts: c.facts,
            severity: c.severity,
            listType: c.listType,
            basisDocuments: draft.basisDocuments.map((b) => ({ type: b.type, documentNo: b.documentNo, issuer: b.issuer, decidedOn: b.decidedOn, effective: true })),
            determiningDept: c.determiningDept,
            ruleSet: pin,
          },
        },
      });
    }
  }
  return { batch: { subjects, links, cases }, rowsOfKey, rejected, merged, skipped };
}

/** The batch without the refused items and what depended on them (a case of a subject that was refused). */
function without(batch: DeskBatch, keys: ReadonlySet<string>): { batch: DeskBatch; dropped: string[] } {
  const subjects = (batch.subjects ?? []).filter((s) => !keys.has(s.key));
  const gone = (ref: ItemRef) => 'key' in ref && (keys.has(ref.key) || !subjects.some((s) => s.key === ref.key));
  const links = (batch.links ?? []).filter((l) => !keys.has(l.key) && !gone(l.org) && !gone(l.person));
  const cases = (batch.cases ?? []).filter((c) => !keys.has(c.key) && !gone(c.subject));
  const kept = new Set([...subjects, ...links, ...cases].map((x) => x.key));
  const dropped = [...(batch.links ?? []), ...(batch.cases ?? [])].map((x) => x.key).filter((k) => !kept.has(k) && !keys.has(k));
  return { batch: { subjects, links, cases }, dropped };
}

/**
 * Writes the chosen rows in ONE transaction (importBatch). With 'valid_rows', items the desk refuses
 * are taken out with their reason and the rest written; with 'all_or_nothing' nothing is written while
 * any row is rejected. The import's audit row names the file, its SHA-256 and the counts.
 */
export async function commitImport(desk: Desk, input: CommitImportInput): Promise<ImportOutcome> {
  const values = input.rows.flatMap((r) => (r.status === 'valid' && r.value ? [r.value] : []));
  const existing = await loadExisting(desk, values);
  const preview = trackDuplicates(input.rows, existing.lookup);
  const office = await getOffice(desk.db);
  const plan = await planBatch(desk, office, input.template, preview, existing);
  const rejected = [...plan.rejected];
  if (input.choice === 'all_or_nothing' && rejected.length > 0) {
    return { ok: false, code: 'rows_rejected', reason: `有${rejected.length}行未通过检查，按“全部改正后再导入”的选择，本次没有导入任何数据`, rejected: sortRejected(rejected), summary: preview.summary };
  }
  let batch = plan.batch;
  for (let attempt = 0; attempt < 10; attempt++) {
    const counts = { subjects: batch.subjects?.length ?? 0, links: batch.links?.length ?? 0, cases: batch.cases?.length ?? 0 };
    if (counts.subjects + counts.links + counts.cases === 0 && plan.merged === 0) {
      return { ok: true, written: { subjects: 0, merged: 0, links: 0, cases: 0, skipped: plan.skipped }, rejected: sortRejected(rejected), summary: preview.summary };
    }
    const written = await importBatch(desk, batch, {
      audit: {
        action: '导入表格',
        detail: {
          fileName: input.file.name,
          fileSha256: input.file.sha256,
          fileSize: input.file.size,
          template: input.templateId,
          choice: input.choice,
          rows: preview.summary.dataRows,
          created: counts,
          merged: plan.merged,
          skipped: plan.skipped,
          rejected: rejected.length,
        },
      },
    });
    if (written.ok) {
      return { ok: true, written: { subjects: written.counts.subjects, merged: plan.merged, links: written.counts.links, cases: written.counts.cases, skipped: plan.skipped }, rejected: sortRejected(rejected), summary: preview.summary };
    }
    const refusedKeys = new Set(written.refusals.map((r) => r.key));
    const refusedRows = written.refusals.flatMap((r) => (plan.rowsOfKey.get(r.key) ?? []).map((n) => ({ rowNumber: n, reason: r.reason })));
    if (input.choice === 'all_or_nothing' || refusedRows.length === 0) {
      return { ok: false, code: 'batch_refused', reason: `有${Math.max(1, refusedRows.length)}行未能导入，本次没有导入任何数据`, rejected: sortRejected([...rejected, ...refusedRows]), summary: preview.summary };
    }
    rejected.push(...refusedRows);
    const next = without(batch, refusedKeys);
    for (const key of next.dropped) for (const n of plan.rowsOfKey.get(key) ?? []) rejected.push({ rowNumber: n, reason: '本行涉及的主体未能登记（见该主体所在行的错误说明），改正后重新导入' });
    batch = next.batch;
  }
  return { ok: false, code: 'batch_refused', reason: '导入多次未通过检查，本次没有导入任何数据，请导出未导入的行核对后再试', rejected: sortRejected(rejected), summary: preview.summary };
}

function sortRejected(list: ImportRejected[]): ImportRejected[] {
  const byRow = new Map<number, string[]>();
  for (const r of list) byRow.set(r.rowNumber, [...(byRow.get(r.rowNumber) ?? []), r.reason]);
  return [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([rowNumber, reasons]) => ({ rowNumber, reason: [...new Set(reasons)].join('；') }));
}
