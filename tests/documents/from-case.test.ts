import { describe, expect, it } from 'vitest';
import { emptyCaseState } from '../../shared/case/fold';
import { draftFromCase } from '../../shared/documents/from-case';

describe('draft from the folded case state', () => {
  const state = {
    ...emptyCaseState(),
    caseId: 'case-1',
    subject: { subjectId: 's1', kind: 'legal_person' as const, name: '某某县吉祥建材有限公司', uscc: '91110000600037341L', legalRepresentative: { name: '王堃' } },
    determinedOn: '2026-11-02',
    listedOn: '2026-11-22',
    validUntil: '2029-11-21',
    publicationUntil: '2029-11-21',
    repairEligibleFrom: '2027-11-22',
  };

  it('pre-fills the subject and the listing and repair-notice dates', () => {
    const draft = draftFromCase(state, 'listing-decision');
    expect(draft.caseId).toBe('case-1');
    expect(draft.subject).toEqual({ name: '某某县吉祥建材有限公司', kind: 'legal-person', idNumber: '91110000600037341L', legalRepresentative: '王堃' });
    expect(draft.fields).toEqual({ validFrom: '2026-11-22', validTo: '2029-11-21', earliestApplyDate: '2027-11-22', latestEndDate: '2029-11-21' });
  });

  it('leaves unknown values out instead of inventing them', () => {
    const draft = draftFromCase(emptyCaseState(), 'repair-decision');
    expect(draft.subject).toBeUndefined();
    expect(draft.fields).toEqual({});
  });
});
