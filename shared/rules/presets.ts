import { period } from './periods';
import { MEASURES } from './measures';
import type { RuleSet } from './types';

/**
 * Rule-set presets. Every number cites its article; a period the text requires but gives no number
 * for is `null` (unset). National regimes (jurisdictionKey 'CN-REPAIR') carry the publication tiers and
 * are composed into a local rule set whose publicationSource is 'national' (selectRuleSet). Why each
 * choice was made is explained in docs/domain-core.md.
 */
const CY = '朝阳市治理房地产领域失信行为若干规定(试行)';
const PLAN = '朝阳市2020年社会信用体系建设工作方案（朝信办发〔2020〕6号）';
const HLJ = '黑龙江省社会信用条例';
const LY = '凌源市社会信用体系建设工作领导小组办公室关于建立信用联合奖惩机制的通知（凌信办〔2020〕27号）';
const ZH = '庄河市人民政府关于建立完善守信联合激励和失信联合惩戒制度的实施意见（庄政发〔2017〕22号）';
const N49 = '国办发〔2020〕49号 (八)';
/** 国办发〔2020〕49号: measures must follow law and policy and stay proportionate (过惩相当). */
const N49_PROPORTIONALITY = '国办发〔2020〕49号（依法依规实施失信惩戒，过惩相当）';
const N424 = '发改办财金〔2018〕424号';

export const JURISDICTION_CY_RE = 'LN-CY-RE';
export const JURISDICTION_CY_PLAN = 'LN-CY-PLAN';
export const JURISDICTION_LY = 'LN-LY';
export const JURISDICTION_ZH = 'LN-ZH';
export const JURISDICTION_HLJ = 'HLJ';
export const JURISDICTION_CN_REPAIR = 'CN-REPAIR';

const codes = (...prefixes: string[]): string[] => MEASURES.filter((m) => prefixes.some((p) => m.code.startsWith(p))).map((m) => m.code);

/** 朝阳房地产规定 periods, also applied by 凌源 (a county-level city under 朝阳). */
const CY_PERIODS = [
  // "于7日内书面告知" — "日" read as calendar days; 民法典 第二百零三条 roll.
  period('listing_notice', 7, `${CY} 第八条`, 'unit_as_written'),
  period('validity', 3, `${CY} 第十条`, 'stated', { note: '有效期自该失信行为认定之日起算' }),
  period('repair_eligibility', 1, `${CY} 第十七条`, 'stated'),
  period('relisting_repair_bar', 1, `${CY} 第十九条`, 'stated', { note: '修复完成后一年内再次被列入的，在新的失信记录有效期内不得申请信用修复' }),
  period('objection_processing', 15, `${CY} 第二十条`, 'stated'),
  period('objection_correction', 0, `${CY} 第二十一条`, 'stated', { note: '"立即予以更正"：按异议决定当日计' }),
  period('repair_decision', null, `${CY} 第十八条`, 'unset', { note: '"经审查后"，未规定期限' }),
];

export const PRESET_CY_RE_2020: RuleSet = {
  id: 'LN-CY-RE-2020',
  version: 1,
  kind: 'local',
  jurisdictionKey: JURISDICTION_CY_RE,
  title: CY,
  shortTitle: '朝阳房地产规定',
  issuer: '朝阳市人民政府办公室',
  documentNumber: null,
  effectiveFrom: '2020-01-01', // 第二十二条 "自2020年1月1日起实施"
  effectiveTo: null,
  periods: CY_PERIODS,
  publicationTiers: [],
  publicationSource: 'own',
  // 第十二条(一) lists 身份证号码 among the published fields, but 朝阳2020方案 十六(二十六) takes personal
  // information offline and 黑龙江条例 第二十三条 requires 脱敏: masked unless the office decides 'full'.
  publicationProfile: 'masked',
  listingNoticeRecipients: 'subject_and_responsible', // 第八条
  requiresPreNotice: false,
  preNoticeBasis: null,
  behaviourCatalogues: ['CY-RE-6'],
  measureCodes: codes('CY-'),
  enforcesDenyList: true,
  proportionalityBasis: N49_PROPORTIONALITY,
  derivedFrom: null,
  notes: [
    '有效期自失信行为认定之日起算（第十条）；惩戒措施在列入失信名单期间实施（第十二条）',
    '国办发〔2020〕49号（2020年12月）要求列入前告知；办公室可在设置中开启事先告知',
    '第十二条（一）规定公布身份证号码；默认脱敏公示，完整公示须由办公室作出决定并记录',
  ],
};

export const PRESET_CY_PLAN_2020: RuleSet = {
  id: 'LN-CY-PLAN-2020',
  version: 1,
  kind: 'local',
  jurisdictionKey: JURISDICTION_CY_PLAN,
  title: '朝阳市2020年社会信用体系建设工作方案',
  shortTitle: '朝阳2020方案',
  issuer: '朝阳市社会信用体系建设工作领导小组办公室',
  documentNumber: '朝信办发〔2020〕6号',
  effectiveFrom: '2020-01-01', // 2020 年度工作方案；文件未载明施行日，按年度起始日计（见 notes）
  effectiveTo: null,
  periods: [
    period('repair_initial_review', 3, `${PLAN} 十四（二十四）`, 'stated'),
    period('repair_decision', null, `${PLAN} 十四（二十四）`, 'unset', { note: '只规定初审3个工作日，未规定修复决定期限' }),
    period('objection_processing', 5, `${PLAN} 十五（二十五）`, 'stated'),
    // "7日内将有关情况公示在部门网站" — "日" read as calendar days.
    period('decision_publication', 7, `${PLAN} 三（四）`, 'unit_as_written', { unit: 'calendar_days' }),
  ],
  publicationTiers: [],
  publicationSource: 'national',
  publicationProfile: 'offline', // 十六(二十六) 将涉及个人的信息查询、公示等下线
  requiresPreNotice: false,
  preNoticeBasis: null,
  behaviourCatalogues: ['CY-RE-6'],
  measureCodes: codes('CY-'),
  enforcesDenyList: true,
  proportionalityBasis: N49_PROPORTIONALITY,
  derivedFrom: null,
  notes: [
    '工作方案为2020年度方案，未载明施行日期，按2020-01-01起适用；是否继续适用由办公室确认',
    '与朝阳房地产规定同时适用时的优先顺序原文未规定，须由办公室选择',
    '列入时应告知信用修复流程或退出黑名单办法（十三（二十二））',
  ],
};

export const PRESET_LY_2020: RuleSet = {
  id: 'LN-LY-2020',
  version: 1,
  kind: 'local',
  jurisdictionKey: JURISDICTION_LY,
  title: LY,
  shortTitle: '凌源联合奖惩',
  issuer: '凌源市社会信用体系建设工作领导小组办公室',
  documentNumber: '凌信办〔2020〕27号',
  effectiveFrom: '2020-05-20', // 通知落款日期
  effectiveTo: null,
  periods: [
    ...CY_PERIODS,
    // 二(四) "新产生的联合奖惩信息应在信息产生之日起7个工作日内…报送"; 三(一) "信息录入完成即为联合奖惩的成功发起".
    period('joint_push', 7, `${LY} 二（四）、三（一）`, 'stated', { note: '自信息产生（列入）之日起；录入平台完成即为成功发起' }),
  ],
  publicationTiers: [],
  publicationSource: 'own',
  publicationProfile: 'masked',
  listingNoticeRecipients: 'subject_and_responsible', // 朝阳房地产规定 第八条
  requiresPreNotice: false,
  preNoticeBasis: null,
  behaviourCatalogues: ['CY-RE-6'],
  measureCodes: codes('CY-', 'LY-'),
  enforcesDenyList: true,
  proportionalityBasis: `${N49_PROPORTIONALITY}；凌源市新型监管机制通知（凌信办〔2020〕23号）三（二）`,
  derivedFrom: null,
  notes: [
    '凌源为朝阳市所辖县级市：房地产领域适用朝阳房地产规定的期限',
    '联合奖惩异议按《凌源市社会信用管理办法》（凌政发〔2020〕5号）办理，该办法未收录，异议期限未设置',
    '对已履行法定义务、纠正失信行为、消除不良影响的，发起单位及时移出联合惩戒名单（六（一））',
  ],
};

export const PRESET_ZH_2017: RuleSet = {
  id: 'LN-ZH-2017',
  version: 1,
  kind: 'local',
  jurisdictionKey: JURISDICTION_ZH,
  title: ZH,
  shortTitle: '庄河实施意见',
  issuer: '庄河市人民政府',
  documentNumber: '庄政发〔2017〕22号',
  effectiveFrom: '2017-08-07',
  effectiveTo: null,
  periods: [period('decision_publication', 7, `${ZH} 四（十三）`, 'stated')],
  publicationTiers: [],
  publicationSource: 'national',
  publicationProfile: 'masked',
  requiresPreNotice: false,
  preNoticeBasis: null,
  behaviourCatalogues: ['ZH-6'],
  measureCodes: codes('ZH-'),
  enforcesDenyList: false,
  proportionalityBasis: N49_PROPORTIONALITY,
  derivedFrom: null,
  notes: ['发起部门确定联合奖惩对象，实施部门采取（撤销）措施并向市信用办反馈（四（十二））'],
};

export const PRESET_HLJ_2022: RuleSet = {
  id: 'HLJ-2022',
  version: 1,
  kind: 'local',
  jurisdictionKey: JURISDICTION_HLJ,
  title: HLJ,
  shortTitle: '黑龙江条例',
  issuer: '黑龙江省人民代表大会常务委员会',
  documentNumber: null,
  effectiveFrom: '2022-07-01',
  effectiveTo: null,
  periods: [
    period('pre_notice_statement', null, `${N49}；${HLJ} 第三十五条`, 'unset', { note: '享有陈述权和申辩权，原文未规定陈述申辩期限' }),
    period('written_decision', null, `${HLJ} 第二十八条`, 'unset', { note: '"应当作出书面决定"，未规定期限' }),
    // The city/province 公共信用工作机构 pushes to the province platform: not the county office's duty.
    period('platform_push', 3, `${HLJ} 第二十一条`, 'stated', { holder: 'other_body', note: '自公共信用信息归集之日起；以认定之日为归集日；由公共信用工作机构推送' }),
    period('objection_marking', 1, `${HLJ} 第三十九条`, 'stated'),
    period('objection_decision', 3, `${HLJ} 第三十九条`, 'stated'),
    period('objection_decision_assisted', 7, `${HLJ} 第三十九条`, 'stated'),
    period('assist_reply', 2, `${HLJ} 第三十九条`, 'stated'),
    period('objection_listing_review', 3, `${HLJ} 第三十五条`, 'stated'),
    period('downstream_correction', 3, `${HLJ} 第三十九条`, 'stated'),
    period('provider_correction', 3, `${HLJ} 第三十八条`, 'stated'),
    period('basis_change_report', 2, `${HLJ} 第三十八条`, 'stated'),
    period('basis_change_action', 1, `${HLJ} 第三十八条`, 'stated'),
    period('repair_decision', null, `${HLJ} 第四十条`, 'unset', { note: '"及时停止公示""即时终止"，未规定天数' }),
  ],
  publicationTiers: [],
  publicationSource: 'national', // 第三十七条 "失信信息的公示期限按照国家有关规定执行"
  publicationProfile: 'masked', // 第二十三条 "应当进行必要的脱敏处理"
  requiresPreNotice: true,
  preNoticeBasis: `${N49}：作出决定前应当告知当事人事由、依据和依法享有的权利；${HLJ} 第三十五条：享有陈述权和申辩权`,
  behaviourCatalogues: ['HLJ-29'],
  measureCodes: codes('HLJ-'),
  enforcesDenyList: false,
  severitiesByListType: {
    severe_dishonesty_list: { severities: ['severe'], basis: `${HLJ} 第二十八、二十九条；国家发展改革委令第36号（严重失信主体名单信息为严重失信信息）` },
  },
  proportionalityBasis: `${HLJ} 第三十条`,
  derivedFrom: null,
  notes: [
    '检验、检测、检疫、鉴定和专家评审所需时间不计入异议处理时间（第三十九条）',
    '公示期限届满的，应当停止公示，转为档案保存，不得再行公示（第三十七条）',
    '黑龙江条例为外省法规，辽宁办公室仅作参考',
  ],
};

const N527 = '发改办财金〔2019〕527号';
const N58 = '国家发展改革委令2023年第58号《失信行为纠正后的信用信息修复管理办法(试行)》';
const N36 = '国家发展改革委令第36号《信用修复管理办法》；国办发〔2025〕22号';
/** 发改办财金〔2018〕424号: "自作出行政决定之日起7个工作日内上网公开" (双公示). */
const decisionPublication424 = period('decision_publication', 7, N424, 'stated');

export const PRESET_CN_527_2019: RuleSet = {
  id: 'CN-REPAIR-527-2019',
  version: 1,
  kind: 'national',
  jurisdictionKey: JURISDICTION_CN_REPAIR,
  title: '关于进一步完善"信用中国"网站及地方信用门户网站行政处罚信息信用修复机制的通知',
  shortTitle: '527号文',
  issuer: '国家发展改革委办公厅',
  documentNumber: '发改办财金〔2019〕527号',
  effectiveFrom: '2019-07-01',
  effectiveTo: '2023-04-30',
  periods: [
    period('publication_max', null, N527, 'stated', {
      unit: 'months',
      bySeverity: { general: { amount: 12, certainty: 'stated' }, severe: { amount: 36, certainty: 'stated' } },
      note: '自行政处罚决定之日起；轻微失信无此分级（未设置）',
    }),
    period('publication_min', null, N527, 'stated', {
      unit: 'months',
      bySeverity: { general: { amount: 3, certainty: 'stated' }, severe: { amount: 6, certainty: 'stated' } },
      note: '自行政处罚决定之日起',
    }),
    decisionPublication424,
  ],
  publicationTiers: [
    { severity: 'general', publishedByDefault: true, minimum: { amount: 3, unit: 'months' }, maximum: { amount: 1, unit: 'years' }, certainty: 'stated', basis: N527 },
    { severity: 'severe', publishedByDefault: true, minimum: { amount: 6, unit: 'months' }, maximum: { amount: 3, unit: 'years' }, certainty: 'stated', basis: N527 },
  ],
  publicationSource: 'own',
  publicationProfile: 'masked',
  requiresPreNotice: false,
  preNoticeBasis: null,
  behaviourCatalogues: [],
  measureCodes: [],
  enforcesDenyList: false,
  derivedFrom: null,
  notes: ['特定严重失信行为须公示满最长期限，不可修复'],
};

/**
 * 58号令 as restated by pages applying it (the article text itself was not read): every 行政处罚信息
 * is published for at least 3 months and at most 3 years, at least 1 year in 食品、药品、特种设备、安全生产、
 * 消防; counted from the day the penalty was made; several penalty types in one decision → the longest.
 */
export const PRESET_CN_58_2023: RuleSet = {
  ...PRESET_CN_527_2019,
  id: 'CN-REPAIR-58-2023',
  title: '失信行为纠正后的信用信息修复管理办法(试行)',
  shortTitle: '58号令',
  issuer: '国家发展和改革委员会',
  documentNumber: '国家发展改革委令2023年第58号',
  effectiveFrom: '2023-05-01',
  effectiveTo: '2026-03-31', // repealed by 令第36号 from 2026-04-01
  periods: [
    period('publication_max', 36, N58, 'uncertain', { unit: 'months', note: '行政处罚信息的公示期限起点以行政处罚作出时间为准；同一决定涉及多种处罚类型的，以期限最长的类型为准' }),
    period('publication_min', 3, N58, 'uncertain', {
      unit: 'months',
      bySector: {
        food: { amount: 12, certainty: 'uncertain' },
        drug: { amount: 12, certainty: 'uncertain' },
        special_equipment: { amount: 12, certainty: 'uncertain' },
        work_safety: { amount: 12, certainty: 'uncertain' },
        fire: { amount: 12, certainty: 'uncertain' },
      },
      note: '食品、药品、特种设备、安全生产、消防领域最短公示期一年',
    }),
    decisionPublication424,
  ],
  publicationTiers: (['minor', 'general', 'severe'] as const).map((severity) => ({
    severity,
    publishedByDefault: true,
    minimum: { amount: 3, unit: 'months' as const },
    maximum: { amount: 3, unit: 'years' as const },
    certainty: 'uncertain' as const,
    basis: N58,
  })),
  notes: ['58号令公示期条文未能逐条核实，依据适用该令的地方页面转述（中等可信度），须由办公室核实后确认'],
};

export const PRESET_CN_36_2026: RuleSet = {
  ...PRESET_CN_527_2019,
  id: 'CN-REPAIR-36-2026',
  title: '信用修复管理办法',
  shortTitle: '36号令',
  issuer: '国家发展和改革委员会',
  documentNumber: '国家发展改革委令第36号',
  effectiveFrom: '2026-04-01',
  effectiveTo: null,
  periods: [
    period('publication_max', null, N36, 'stated', {
      unit: 'months',
      bySeverity: {
        minor: { amount: 3, certainty: 'stated' },
        general: { amount: 12, certainty: 'stated' },
        severe: { amount: 36, certainty: 'stated' },
      },
      note: '公示期限自司法、行政公务文书认定之日起开始计算',
    }),
    period('publication_min', null, N36, 'stated', {
      unit: 'months',
      bySeverity: {
        minor: { amount: 0, certainty: 'stated' },
        general: { amount: 3, certainty: 'stated' },
        severe: { amount: 12, certainty: 'stated' },
      },
      note: '轻微失信：履行法定义务后即可修复',
    }),
    decisionPublication424,
  ],
  publicationTiers: [
    { severity: 'minor', publishedByDefault: false, minimum: { amount: 0, unit: 'months' }, maximum: { amount: 3, unit: 'months' }, certainty: 'stated', basis: `${N36}：轻微失信信息原则上不予公示；行业主管部门认为确有必要公示的，公示期最长不超过3个月` },
    { severity: 'general', publishedByDefault: true, minimum: { amount: 3, unit: 'months' }, maximum: { amount: 1, unit: 'years' }, certainty: 'stated', basis: N36 },
    { severity: 'severe', publishedByDefault: true, minimum: { amount: 1, unit: 'years' }, maximum: { amount: 3, unit: 'years' }, certainty: 'stated', basis: N36 },
  ],
  notes: [
    '修复 = 终止公示 + 停止共享和使用 + 同步解除失信惩戒措施（第三条）',
    '修复条件：达到最短公示期；纠正失信行为并完全履行义务；公开作出信用承诺',
    '受理、审核、决定的工作日期限未能核实，未设置',
  ],
};

export const RULE_SET_PRESETS: readonly RuleSet[] = [
  PRESET_CY_RE_2020,
  PRESET_CY_PLAN_2020,
  PRESET_LY_2020,
  PRESET_ZH_2017,
  PRESET_HLJ_2022,
  PRESET_CN_527_2019,
  PRESET_CN_58_2023,
  PRESET_CN_36_2026,
];
