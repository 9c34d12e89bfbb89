import type { PeriodUnit } from './types';

/**
 * The closed catalogue of sanction/constraint measures, per jurisdiction (the code prefix: CY- 朝阳房地产规定,
 * LY- 凌源, ZH- 庄河, HLJ- 黑龙江条例). 黑龙江条例 第三十条: "禁止实施未向社会公布的失信约束和惩戒措施" — a
 * measure can only be applied from the list its rule set publishes (RuleSet.measureCodes), and 第三十一条
 * requires each provincial measure to carry a 期限. Each measure keeps:
 *  - `basis`: where it is published (document and article);
 *  - `duration`: 'while_listed' (e.g. 朝阳房地产规定 第十二条 "在其被列入失信名单期间") or a fixed
 *    period; amount null = the text demands a period but gives none (the office must set it first);
 *  - `proportionality`: what links the measure to the conduct and keeps it proportionate, shown where
 *    the officer justifies the measure.
 */
export type MeasureDuration = { kind: 'while_listed' } | { kind: 'fixed'; amount: number | null; unit: PeriodUnit };

export type MeasureFamily = 'administrative' | 'market' | 'industry' | 'social' | 'personal' | 'constraint';

export type Measure = {
  code: string;
  label: string;
  family: MeasureFamily;
  duration: MeasureDuration;
  /** The published source of the measure (document and article). */
  basis: string;
  proportionality: string;
  /** Encouraged rather than mandatory (朝阳房地产规定 第十三、十四条). */
  encouraged?: boolean;
};

const CY = '朝阳市治理房地产领域失信行为若干规定(试行)';
const HLJ = '黑龙江省社会信用条例';
const ZH = '庄河市人民政府关于建立完善守信联合激励和失信联合惩戒制度的实施意见（庄政发〔2017〕22号）';
const LY = '凌源市关于加快构建以信用为基础的新型监管机制有关事宜的通知（凌信办〔2020〕23号）';
const WHILE: MeasureDuration = { kind: 'while_listed' };
const UNSET_FIXED: MeasureDuration = { kind: 'fixed', amount: null, unit: 'years' };

const CY_NOTE = '限于被列入失信名单期间，针对房地产领域的失信行为（第十二条）';
const HLJ_NOTE = '与失信行为的性质、情节和社会影响程度相适应，并规定期限（第三十、三十一条）';
const ZH_NOTE = '针对联合惩戒对象的失信行为，由实施部门依法依规采取，移出后撤销（四（十二））';
const LY_NOTE = '限于失信联合惩戒对象，与失信程度相对应，移出名单后终止（三（一）（二））';

export const MEASURES: readonly Measure[] = [
  { code: 'CY-12-1', label: '通过信用平台和新闻媒体向社会发布失信信息', family: 'social', duration: WHILE, basis: `${CY} 第十二条（一）`, proportionality: CY_NOTE },
  { code: 'CY-12-2', label: '列为重点监管对象，增加检查频次，再次违法违规依法从重处罚', family: 'administrative', duration: WHILE, basis: `${CY} 第十二条（二）`, proportionality: CY_NOTE },
  { code: 'CY-12-3A', label: '限制主要责任人担任市场主体的法定代表人或者主要负责人', family: 'personal', duration: WHILE, basis: `${CY} 第十二条（三）`, proportionality: CY_NOTE },
  { code: 'CY-12-3B', label: '限制列入失信名单的市场主体变更名称', family: 'administrative', duration: WHILE, basis: `${CY} 第十二条（三）`, proportionality: CY_NOTE },
  { code: 'CY-12-4', label: '限制参与评比表彰、政府采购、财政资金扶持、政策试点', family: 'administrative', duration: WHILE, basis: `${CY} 第十二条（四）`, proportionality: CY_NOTE },
  { code: 'CY-12-5', label: '通报相关部门实施联合惩戒，在土地招拍挂、规划条件变更、不动产登记、网签备案、工商登记、行政审批、行政许可、资质晋升等事项中从严审查', family: 'administrative', duration: WHILE, basis: `${CY} 第十二条（五）`, proportionality: CY_NOTE },
  { code: 'CY-13', label: '招标文件将失信市场主体列入排除条件（鼓励）', family: 'market', duration: WHILE, basis: `${CY} 第十三条`, proportionality: CY_NOTE, encouraged: true },
  { code: 'CY-14', label: '行业协会警告、通报批评、公开谴责、取消评先选优资格（鼓励）', family: 'industry', duration: WHILE, basis: `${CY} 第十四条`, proportionality: CY_NOTE, encouraged: true },
  { code: 'LY-3-2-1', label: '限制股票发行、招标投标、申请财政性资金项目、享受税收优惠', family: 'administrative', duration: WHILE, basis: `${LY} 三（二）`, proportionality: LY_NOTE },
  { code: 'LY-3-2-2', label: '限制获得授信、乘坐飞机、乘坐高等级列车和席次', family: 'market', duration: WHILE, basis: `${LY} 三（二）`, proportionality: LY_NOTE },
  { code: 'LY-3-2-3', label: '通报批评、公开谴责', family: 'industry', duration: WHILE, basis: `${LY} 三（二）`, proportionality: LY_NOTE },
  { code: 'LY-3-3', label: '在一定期限内实施市场和行业禁入措施', family: 'administrative', duration: UNSET_FIXED, basis: `${LY} 三（三）`, proportionality: '限于拒不履行司法裁判或行政处罚决定、屡犯不改、造成重大损失的，期限须明确（三（三））' },
  { code: 'LY-3-5', label: '提示约谈或警示约谈', family: 'administrative', duration: WHILE, basis: `${LY} 三（五）`, proportionality: '整改不到位的，按"谁认定、谁约谈"由认定部门启动（三（五））' },
  { code: 'HLJ-31-C1', label: '不得适用便利化服务', family: 'constraint', duration: UNSET_FIXED, basis: `${HLJ} 第三十一条（失信约束措施清单）（一）`, proportionality: HLJ_NOTE },
  { code: 'HLJ-31-C2', label: '取消已经适用的便利化服务', family: 'constraint', duration: UNSET_FIXED, basis: `${HLJ} 第三十一条（失信约束措施清单）（二）`, proportionality: HLJ_NOTE },
  { code: 'HLJ-31-P1', label: '约谈', family: 'administrative', duration: UNSET_FIXED, basis: `${HLJ} 第三十一条（补充清单）（一）`, proportionality: HLJ_NOTE },
  { code: 'HLJ-31-P2', label: '限制参加政府采购、政府投资项目招标投标和公共资源交易，或者给予减分、降低等次', family: 'administrative', duration: UNSET_FIXED, basis: `${HLJ} 第三十一条（补充清单）（二）`, proportionality: HLJ_NOTE },
  { code: 'HLJ-31-P3', label: '限制获得财政性资金和政府政策、项目支持', family: 'administrative', duration: UNSET_FIXED, basis: `${HLJ} 第三十一条（补充清单）（三）`, proportionality: HLJ_NOTE },
  { code: 'HLJ-31-P4', label: '不得评优评先', family: 'administrative', duration: UNSET_FIXED, basis: `${HLJ} 第三十一条（补充清单）（四）`, proportionality: HLJ_NOTE },
  { code: 'ZH-7-1', label: '列为重点监管对象', family: 'administrative', duration: WHILE, basis: `${ZH} 三（七）`, proportionality: ZH_NOTE },
  { code: 'ZH-7-2', label: '从严审核行政许可审批项目', family: 'administrative', duration: WHILE, basis: `${ZH} 三（七）`, proportionality: ZH_NOTE },
  { code: 'ZH-7-3', label: '限制申请财政性资金项目', family: 'administrative', duration: WHILE, basis: `${ZH} 三（七）`, proportionality: ZH_NOTE },
  { code: 'ZH-7-4', label: '限制参与公共资源交易活动', family: 'administrative', duration: WHILE, basis: `${ZH} 三（七）`, proportionality: ZH_NOTE },
  { code: 'ZH-7-5', label: '撤销荣誉称号、取消评先评优资格', family: 'administrative', duration: WHILE, basis: `${ZH} 三（七）`, proportionality: ZH_NOTE },
  { code: 'ZH-8-1', label: '限制高消费（出境、购买不动产、乘坐飞机和高等级列车席次、旅游度假、入住星级以上宾馆等）', family: 'market', duration: WHILE, basis: `${ZH} 三（八）`, proportionality: '限于有履行能力但拒不履行的（三（八））' },
  { code: 'ZH-9-1', label: '行业内警告、通报批评、公开谴责、不予接纳、劝退', family: 'industry', duration: WHILE, basis: `${ZH} 三（九）`, proportionality: ZH_NOTE },
  { code: 'ZH-11-1', label: '记入法定代表人、主要责任人和其他负有直接责任人员的个人信用记录', family: 'personal', duration: WHILE, basis: `${ZH} 三（十一）`, proportionality: ZH_NOTE },
];

export function findMeasure(code: string): Measure | undefined {
  return MEASURES.find((m) => m.code === code);
}
