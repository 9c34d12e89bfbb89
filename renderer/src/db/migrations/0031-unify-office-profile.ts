import type { Migration } from './types';

/**
 * One office profile (shared/office/profile.ts). Earlier versions kept the desk's office settings
 * (`office`) and the printed office of the documents (`documents.office`: 发文机关名称、代字、红头、复议
 * 机关、法院、地址、电话、印章) in two settings rows. This step merges the second into the first, fills
 * what the one profile requires (officeId = the office's 统一社会信用代码, else its name; the review
 * body and court named after the region, as the documents did by default) and removes the old row.
 * A database without an office yet is left alone. No table or index changes.
 */
type LegacyOffice = Record<string, unknown> & { name?: string; uscc?: string; region?: string; numbering?: { casePrefix?: string; documentPrefix?: string } };
type LegacyDocumentSettings = { name?: string; numberPrefix?: string; letterhead?: string; reviewBody?: string; court?: string; address?: string; phone?: string; sealImage?: string };

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

export function unifiedOffice(office: LegacyOffice, documents: LegacyDocumentSettings | undefined): LegacyOffice {
  const d = documents ?? {};
  const region = text(office.region);
  const name = text(d.name) || text(office.name);
  const merged: LegacyOffice = {
    ...office,
    officeId: text(office.officeId) || text(office.uscc) || name || 'office',
    name,
    reviewBody: text(office.reviewBody) || text(d.reviewBody) || (region ? `${region}人民政府` : ''),
    court: text(office.court) || text(d.court) || (region ? `${region}人民法院` : ''),
    numbering: { casePrefix: text(office.numbering?.casePrefix), documentPrefix: text(d.numberPrefix) || text(office.numbering?.documentPrefix) },
  };
  for (const key of ['letterhead', 'address', 'phone', 'sealImage'] as const) {
    const value = text(d[key]) || text(office[key]);
    if (value) merged[key] = key === 'sealImage' ? (d.sealImage ?? office.sealImage) : value;
  }
  return merged;
}

export const migration0031: Migration = {
  version: 31,
  name: 'unify-office-profile',
  stores: {},
  upgrade: async (tx) => {
    const settings = tx.table<{ key: string; value: unknown }, string>('settings');
    const office = (await settings.get('office'))?.value as LegacyOffice | undefined;
    const documents = (await settings.get('documents.office'))?.value as LegacyDocumentSettings | undefined;
    if (office) await settings.put({ key: 'office', value: unifiedOffice(office, documents) });
    if (documents) await settings.delete('documents.office');
  },
};
