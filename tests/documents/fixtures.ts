/** Shared fixtures for the document tests and the bench: realistic inputs and Node font loading. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { LegacyRepairNoticeInput, ListingDecisionInput, SubjectInfo } from '../../shared/documents/types';
import type { IssuingOffice } from '../../shared/office/profile';
import { BUNDLED_BODY, BUNDLED_FALLBACK, BUNDLED_TITLE, FontRegistry, loadFont, type PdfMakeLike } from '../../renderer/src/documents/engine';

const require = createRequire(import.meta.url);

export function bundledFontPaths(): { body: string; title: string; fallback: string } {
  const serifDir = dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'));
  const sansDir = dirname(require.resolve('node-source-han-sans-sc/package.json'));
  return {
    body: join(serifDir, '400Regular/NotoSerifSC_400Regular.ttf'),
    title: join(sansDir, 'SourceHanSansSC-Bold.otf'),
    fallback: join(sansDir, 'SourceHanSansSC-Regular.otf'),
  };
}

let registry: FontRegistry | undefined;

/** The bundled fonts, read from node_modules (never copied into git). */
export function nodeFontRegistry(): FontRegistry {
  if (registry) return registry;
  const paths = bundledFontPaths();
  registry = new FontRegistry();
  registry.add(loadFont(BUNDLED_BODY, '思源宋体（内置）', 'bundled', new Uint8Array(readFileSync(paths.body))));
  registry.add(loadFont(BUNDLED_TITLE, '思源黑体粗体（内置）', 'bundled', new Uint8Array(readFileSync(paths.title))));
  registry.add(loadFont(BUNDLED_FALLBACK, '思源黑体（内置，生僻字备用）', 'bundled', new Uint8Array(readFileSync(paths.fallback))));
  return registry;
}

/** pdfmake's Node build, with file and URL access switched off (fonts come from its virtual FS). */
export function nodePdfMake(): PdfMakeLike {
  const pdfmake = require('pdfmake') as PdfMakeLike & { setUrlAccessPolicy(cb: (url: string) => boolean): void; setLocalAccessPolicy(cb: (path: string) => boolean): void };
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  return pdfmake;
}

export const OFFICE: IssuingOffice = {
  officeId: 'office-1',
  name: '某某县发展和改革局',
  numbering: { casePrefix: '某发改信案', documentPrefix: '某发改信用' },
  reviewBody: '某某县人民政府',
  court: '某某县人民法院',
  address: '某某县人民路1号',
  phone: '0000-1234567',
};

export const COMPANY: SubjectInfo = {
  name: '某某县吉祥建材有限公司',
  kind: 'legal-person',
  idNumber: '91110000600037341L',
  legalRepresentative: '王堃',
  address: '某某县工业园区8号',
};

export function listingInput(overrides: Partial<ListingDecisionInput> = {}): ListingDecisionInput {
  return {
    kind: 'listing-decision',
    listType: 'severe_dishonesty_list',
    office: OFFICE,
    subject: COMPANY,
    date: '2026-11-22',
    facts:
      '经查，你单位于2026年3月至2026年8月期间，在承建某某县第一中学教学楼工程中使用不合格钢筋，经某某县市场监督管理局2026年9月10日作出行政处罚决定（某市监罚〔2026〕88号），责令改正并处罚款。你单位逾期拒不履行行政处罚决定确定的义务，情节严重，造成恶劣社会影响。\n上述事实有行政处罚决定书、送达回证、现场检查笔录等证据证实。',
    basis:
      '《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）第（七）项、第（八）项；《某某省社会信用条例》第二十八条、第二十九条；《某某省严重失信主体名单认定标准》第三条。',
    validity: { text: '三年', from: '2026-11-22', to: '2029-11-22', basis: '按《某某省社会信用条例》第三十七条计算；开始的当日不计入，到期月的对应日为期间的最后一日（《中华人民共和国民法典》第二百零一条、第二百零二条）' },
    removalConditions:
      '有效期届满的，本机关自届满之日起3个工作日内将你单位移出名单。有效期内，你单位纠正失信行为、履行相关义务、消除不良影响，且列入名单满一年的，可以向本机关申请提前移出；本机关审核通过后予以移出，并通知有关部门解除惩戒措施。',
    remedies: { objectionTo: '某某县发展和改革局', reviewBody: '某某县人民政府', reviewDays: 60, court: '某某县人民法院', litigationMonths: 6 },
    measures: [
      { text: '限制参与政府投资项目的招标投标', period: '自2026年11月22日至2029年11月21日' },
      { text: '在政府资金支持、财政补贴申请中予以限制', period: '列入名单期间' },
      { text: '在评优评先中不予推荐', period: '列入名单期间' },
    ],
    repairRoute: '你单位可通过“信用中国”网站或本机关政务服务窗口申请信用修复。',
    repairNotice: {
      earliestApplyDate: '2027-11-23',
      latestEndDate: '2029-11-22',
      materials: ['法定责任和义务履行完毕的证明材料', '信用承诺书'],
      window: '“信用中国”网站信用修复栏目，或某某县政务服务中心信用修复窗口',
      contact: '0000-1234567',
    },
    ...overrides,
  };
}

/** A 信用修复告知书 as earlier versions issued it (its own document and number); only stored snapshots have it. */
export function legacyRepairNoticeInput(decisionNumber: string): LegacyRepairNoticeInput {
  return {
    kind: 'repair-notice',
    office: OFFICE,
    subject: COMPANY,
    date: '2026-11-22',
    decisionNumber,
    decisionName: '列入严重失信主体名单决定书',
    earliestApplyDate: '2027-11-22',
    latestEndDate: '2029-11-21',
    materials: ['法定责任和义务履行完毕的证明材料', '信用承诺书'],
    window: '“信用中国”网站信用修复栏目，或某某县政务服务中心信用修复窗口',
    contact: '0000-1234567',
  };
}

/** A small red seal-like PNG (ring and square), made here so no binary lives in git. */
export function sealPngDataUrl(size = 160): string {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (buf: Buffer): number => {
    let crc = 0xffffffff;
    for (const b of buf) crc = crcTable[(crc ^ b) & 0xff]! ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const row = size * 4 + 1;
  const raw = Buffer.alloc(row * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - size / 2, y - size / 2);
      const on = (d < size * 0.49 && d > size * 0.45) || (Math.abs(x - size / 2) < size * 0.08 && Math.abs(y - size / 2) < size * 0.08);
      raw.set([215, 0, 15, on ? 230 : 0], y * row + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  return `data:image/png;base64,${png.toString('base64')}`;
}
