import type { Refusal } from '../util/result';
import type { Sector } from './types';

/**
 * Behaviour catalogues as data. A listing must name a catalogue item
 * (合法、关联、比例: 黑龙江条例 第二十八、三十条); free text is checked against the deny-list of
 * 朝阳2020方案 十七(二十七).
 */
export type BehaviourItem = {
  /** Stable code, e.g. 'CY-RE-6-16-2' = 朝阳房地产规定 第六条(十六)第2项. */
  code: string;
  /** Article label as printed, e.g. "第六条（十六）2". */
  article: string;
  text: string;
  /** Sub-items (第六条(十六) has 7). */
  items?: readonly BehaviourItem[];
  /** Sectors the text names (the case's `sector` is one of them; some publication periods depend on it). */
  sectors?: readonly Sector[];
};

export type BehaviourCatalogue = {
  id: string;
  title: string;
  basis: string;
  items: readonly BehaviourItem[];
};

const CY = '朝阳市治理房地产领域失信行为若干规定(试行)';
const cy = (n: number, numeral: string, text: string, items?: readonly BehaviourItem[]): BehaviourItem => ({
  code: `CY-RE-6-${n}`,
  article: `第六条（${numeral}）`,
  text,
  ...(items ? { items } : {}),
});

const sub16 = [
  '迟延回迁、入住、办理不动产权证，或者拒绝为房屋买受人出具合法发票',
  '一房多卖，或者将已售出房屋、回迁安置房屋设定抵押',
  '拖欠工程款或者无正当理由拒绝或延迟验收结算',
  '拖欠热费、热源建设费、设备租赁费等费用',
  '供热期内擅自迟延供热、中止供热或者提前停热',
  '供热质量不达标',
  '其他不履行民事合同主要义务的行为',
].map((text, i) => ({ code: `CY-RE-6-16-${i + 1}`, article: `第六条（十六）${i + 1}`, text }));

export const CATALOGUE_CY_RE_6: BehaviourCatalogue = {
  id: 'CY-RE-6',
  title: '朝阳市房地产领域失信行为（第六条）',
  basis: `${CY} 第六条`,
  items: [
    cy(1, '一', '未取得建设工程规划许可证、施工许可证和人防工程结建批准书擅自开工建设，或者未严格按照规划进行建设，或者擅自改变规划用途'),
    cy(2, '二', '未取得商品房预售许可证预售商品房，或者以认购、预订、排号、发卡等方式变相预售商品房'),
    cy(3, '三', '逃避商品房预售资金监管，或以向买受人收取定金、预付款、排号费、咨询费、服务费等方式变相逃避预售资金监管'),
    cy(4, '四', '商品房销售未明码标价，或在标价之外以搭售、收取不合理费用等方式变相加价'),
    cy(5, '五', '将未经竣工验收合格的商品房交付使用'),
    cy(6, '六', '拖欠农民工工资，欠缴城市基础设施配套费（包括城中村打捆收费）、房屋专项维修资金、土地出让金、人防易地建设费等行政事业性收费和政府性基金，经相关行政机关催告仍未及时支付'),
    cy(7, '七', '非法涂改、出租、出借、转让资质证书'),
    cy(8, '八', '非法发包、转包、分包、转让建设或服务项目及经营权'),
    cy(9, '九', '以串标、围标等不正当方式中标或试图中标'),
    cy(10, '十', '招标人、招标代理机构、投标人、评标专家恶意串通、徇私舞弊'),
    cy(11, '十一', '勘察、测绘、规划设计、建筑设计、检测、监理单位违法违规出具勘察、测绘、规划设计、建筑设计、检测、监理结论或文件'),
    cy(12, '十二', '工程出现安全质量问题，不按规定及时整改保修'),
    cy(13, '十三', '擅自为建设单位接入供热管网'),
    cy(14, '十四', '违反法律规定及土地使用权出让合同约定，造成土地闲置两年以上'),
    { ...cy(15, '十五', '未尽勤勉尽责的法定义务，对重大安全事故负有主要责任'), sectors: ['work_safety'] },
    // The 上访 here is the CONSEQUENCE of a developer's breach, not the petitioner's act (see
    // checkBehaviourAllowed and 朝阳2020方案 十七(二十七)).
    cy(16, '十六', '因不履行民事合同主要义务的行为，导致群体性投诉或上访', sub16),
    cy(17, '十七', '其他违反法律、法规的失信行为'),
  ],
};

const HLJ = '黑龙江省社会信用条例';
export const CATALOGUE_HLJ_29: BehaviourCatalogue = {
  id: 'HLJ-29',
  title: '应当列入严重失信主体名单的情形（黑龙江条例第二十九条）',
  basis: `${HLJ} 第二十九条`,
  items: [
    { code: 'HLJ-29-1', article: '第二十九条（一）', text: '行政机关不履行法定职责或者通过招商引资、政府采购、政府投资项目招标投标、公共资源交易等活动产生的约定义务且情节严重' },
    { code: 'HLJ-29-2', article: '第二十九条（二）', text: '国家机关、国有企事业单位或者大型企业不履行及时支付中小微企业款项义务且情节严重' },
    { code: 'HLJ-29-3', article: '第二十九条（三）', text: '在食品药品、生态环境、工程质量、安全生产、消防安全、强制性产品认证等领域严重危害人民群众身体健康和生命安全', sectors: ['food', 'drug', 'work_safety', 'fire'] },
    { code: 'HLJ-29-4', article: '第二十九条（四）', text: '贿赂、逃税骗税、恶意逃废债务、恶意拖欠货款或者服务费、恶意欠薪、非法集资、合同欺诈、传销、无证照经营、制售假冒伪劣产品、故意侵犯知识产权、出借或者借用资质投标、围标串标、虚假广告、侵害消费者或者证券期货投资者合法权益、严重破坏网络空间传播秩序、聚众扰乱社会秩序等严重破坏市场公平竞争秩序和社会正常秩序' },
    { code: 'HLJ-29-5', article: '第二十九条（五）', text: '在司法机关、行政机关作出裁判或者决定后，有履行能力但拒不履行、逃避执行等' },
    { code: 'HLJ-29-6', article: '第二十九条（六）', text: '拒绝、逃避兵役，拒绝、拖延民用资源征用或者阻碍对被征用的民用资源进行改造，危害国防利益和破坏国防设施等拒不履行国防义务' },
    { code: 'HLJ-29-7', article: '第二十九条（七）', text: '抄袭、剽窃他人科研学术成果，伪造、篡改研究数据和研究结论，弄虚作假、骗取科技计划项目和科研经费以及奖励、荣誉等严重违反科研诚信要求' },
    { code: 'HLJ-29-8', article: '第二十九条（八）', text: '法律、行政法规、省级地方性法规和国家规定的其他严重失信行为' },
  ],
};

const ZH = '庄河市人民政府关于建立完善守信联合激励和失信联合惩戒制度的实施意见（庄政发〔2017〕22号）';
export const CATALOGUE_ZH_6: BehaviourCatalogue = {
  id: 'ZH-6',
  title: '失信联合惩戒重点对象（庄河实施意见三（六））',
  basis: `${ZH} 三（六）`,
  items: [
    { code: 'ZH-6-1', article: '三（六）1', text: '严重危害人民群众身体健康和生命安全的行为（食品药品、生态环境、工程质量、安全生产、消防安全、强制性产品认证等领域）', sectors: ['food', 'drug', 'work_safety', 'fire'] },
    { code: 'ZH-6-2', article: '三（六）2', text: '严重破坏市场公平竞争秩序和社会正常秩序的行为' },
    { code: 'ZH-6-3', article: '三（六）3', text: '拒不履行法定义务，严重影响司法机关、行政机关公信力的行为（有履行能力但拒不履行、逃避执行）' },
    { code: 'ZH-6-4', article: '三（六）4', text: '拒不履行国防义务的行为' },
  ],
};

export const BEHAVIOUR_CATALOGUES: readonly BehaviourCatalogue[] = [CATALOGUE_CY_RE_6, CATALOGUE_HLJ_29, CATALOGUE_ZH_6];

function flatten(items: readonly BehaviourItem[]): BehaviourItem[] {
  return items.flatMap((item) => [item, ...flatten(item.items ?? [])]);
}

export function findBehaviour(code: string): { catalogue: BehaviourCatalogue; item: BehaviourItem } | null {
  for (const catalogue of BEHAVIOUR_CATALOGUES) {
    const item = flatten(catalogue.items).find((i) => i.code === code);
    if (item) return { catalogue, item };
  }
  return null;
}

/**
 * 朝阳2020方案 十七(二十七): "未经立法程序，不得滥用信用手段，将信访、拆迁、闯红灯、不文明养犬、
 * 欠缴物业费、未执行垃圾分类等行为纳入信用监管". Each entry lists the words that identify it.
 */
export type DenyListEntry = { code: string; label: string; keywords: readonly string[] };

export const DENY_LIST_BASIS = '朝阳市2020年社会信用体系建设工作方案（朝信办发〔2020〕6号）十七（二十七）';

export const BEHAVIOUR_DENY_LIST: readonly DenyListEntry[] = [
  { code: 'DENY-PETITION', label: '信访', keywords: ['信访', '上访'] },
  { code: 'DENY-DEMOLITION', label: '拆迁', keywords: ['拆迁'] },
  { code: 'DENY-RED-LIGHT', label: '闯红灯', keywords: ['闯红灯'] },
  { code: 'DENY-DOG', label: '不文明养犬', keywords: ['不文明养犬', '养犬', '遛狗'] },
  { code: 'DENY-PROPERTY-FEE', label: '欠缴物业费', keywords: ['欠缴物业费', '拖欠物业费', '物业费'] },
  { code: 'DENY-GARBAGE', label: '未执行垃圾分类', keywords: ['垃圾分类'] },
];

export type BehaviourCheck = { ok: true; item: BehaviourItem | null } | Refusal;

/**
 * Whether a behaviour may be recorded as dishonesty. `input` is a catalogue code or free text.
 * A catalogue code is allowed (the catalogue is law); a deny-list code or free text naming a
 * deny-listed behaviour is refused. Text of 第六条(十六) ("导致群体性投诉或上访") is the developer's
 * breach, so choose that catalogue item instead of typing it.
 */
export function checkBehaviourAllowed(input: string): BehaviourCheck {
  const text = input.trim();
  if (text.length === 0) return { ok: false, code: 'behaviour_empty', reason: '请选择或填写失信行为' };
  const found = findBehaviour(text);
  if (found) return { ok: true, item: found.item };
  const denied = BEHAVIOUR_DENY_LIST.find((e) => e.code === text) ?? BEHAVIOUR_DENY_LIST.find((e) => e.keywords.some((k) => text.includes(k)));
  if (denied) {
    const hint = denied.code === 'DENY-PETITION' ? '。如系开发企业不履行合同主要义务导致群体性投诉或上访，请选择目录第六条（十六）' : '';
    return {
      ok: false,
      code: 'behaviour_denied',
      reason: `"${denied.label}"不得纳入信用监管（${DENY_LIST_BASIS}：未经立法程序，不得滥用信用手段）${hint}`,
    };
  }
  return { ok: true, item: null };
}
