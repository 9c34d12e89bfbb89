import type { PeriodUnit } from './types';

/**
 * The closed catalogue of sanction/constraint measures (DOMAIN.md §6.1). 黑龙江条例 第三十条:
 * "禁止实施未向社会公布的失信约束和惩戒措施" — a measure can only be applied from this list, and
 * 第三十一条 requires each provincial measure to carry a 期限. Each measure says how long it lasts:
 *  - 'while_listed': 朝阳房地产规定 第十二条 "在其被列入失信名单期间";
 *  - 'fixed': a fixed period; amount null = the text demands a period but gives none (unset, the
 *    office must set it before the measure can be applied).
 */
export type MeasureDuration = { kind: 'while_listed' } | { kind: 'fixed'; amount: number | null; unit: PeriodUnit };

export type MeasureFamily = 'administrative' | 'market' | 'industry' | 'social' | 'personal' | 'constraint';

export type Measure = {
  code: string;
  label: string;
  family: MeasureFamily;
  duration: MeasureDuration;
  basis: string;
  /** Encouraged rather than mandatory (朝阳房地产规定 第十三、十四条). */
  encouraged?: boolean;
};

const CY = '朝阳市治理房地产领域失信行为若干规定(试行)';
const HLJ = '黑龙江省社会信用条例';
const ZH = '庄河市人民政府关于建立完善守信联合激励和失信联合惩戒制度的实施意见（庄政发〔2017〕22号）';
const WHILE: MeasureDuration = { kind: 'while_listed' };
const UNSET_FIXED: MeasureDuration = { kind: 'fixed', amount: null, unit: 'years' };

export const MEASURES: readonly Measure[] = [
  { code: 'CY-12-1', label: '通过信用平台和新闻媒体向社会发布失信信息', family: 'social', duration: WHILE, basis: `${CY} 第十二条（一）` },
  { code: 'CY-12-2', label: '列为重点监管对象，增加检查频次，再次违法违规依法从重处罚', family: 'administrative', duration: WHILE, basis: `${CY} 第十二条（二）` },
  { code: 'CY-12-3A', label: '限制主要责任人担任市场主体的法定代表人或者主要负责人', family: 'personal', duration: WHILE, basis: `${CY} 第十二条（三）` },
  { code: 'CY-12-3B', label: '限制列入失信名单的市场主体变更名称', family: 'administrative', duration: WHILE, basis: `${CY} 第十二条（三）` },
  { code: 'CY-12-4', label: '限制参与评比表彰、政府采购、财政资金扶持、政策试点', family: 'administrative', duration: WHILE, basis: `${CY} 第十二条（四）` },
  { code: 'CY-12-5', label: '通报相关部门实施联合惩戒，在土地招拍挂、规划条件变更、不动产登记、网签备案、工商登记、行政审批、行政许可、资质晋升等事项中从严审查', family: 'administrative', duration: WHILE, basis: `${CY} 第十二条（五）` },
  { code: 'CY-13', label: '招标文件将失信市场主体列入排除条件（鼓励）', family: 'market', duration: WHILE, basis: `${CY} 第十三条`, encouraged: true },
  { code: 'CY-14', label: '行业协会警告、通报批评、公开谴责、取消评先选优资格（鼓励）', family: 'industry', duration: WHILE, basis: `${CY} 第十四条`, encouraged: true },
  { code: 'HLJ-31-C1', label: '不得适用便利化服务', family: 'constraint', duration: UNSET_FIXED, basis: `${HLJ} 第三十一条（失信约束措施清单）（一）` },
  { code: 'HLJ-31-C2', label: '取消已经适用的便利化服务', family: 'constraint', duration: UNSET_FIXED, basis: `${HLJ} 第三十一条（失信约束措施清单）（二）` },
  { code: 'HLJ-31-P1', label: '约谈', family: 'administrative', duration: UNSET_FIXED, basis: `${HLJ} 第三十一条（补充清单）（一）` },
  { code: 'HLJ-31-P2', label: '限制参加政府采购、政府投资项目招标投标和公共资源交易，或者给予减分、降低等次', family: 'administrative', duration: UNSET_FIXED, basis: `${HLJ} 第三十一条（补充清单）（二）` },
  { code: 'HLJ-31-P3', label: '限制获得财政性资金和政府政策、项目支持', family: 'administrative', duration: UNSET_FIXED, basis: `${HLJ} 第三十一条（补充清单）（三）` },
  { code: 'HLJ-31-P4', label: '不得评优评先', family: 'administrative', duration: UNSET_FIXED, basis: `${HLJ} 第三十一条（补充清单）（四）` },
  { code: 'ZH-7-1', label: '列为重点监管对象', family: 'administrative', duration: WHILE, basis: `${ZH} 三（七）` },
  { code: 'ZH-7-2', label: '从严审核行政许可审批项目', family: 'administrative', duration: WHILE, basis: `${ZH} 三（七）` },
  { code: 'ZH-7-3', label: '限制申请财政性资金项目', family: 'administrative', duration: WHILE, basis: `${ZH} 三（七）` },
  { code: 'ZH-7-4', label: '限制参与公共资源交易活动', family: 'administrative', duration: WHILE, basis: `${ZH} 三（七）` },
  { code: 'ZH-7-5', label: '撤销荣誉称号、取消评先评优资格', family: 'administrative', duration: WHILE, basis: `${ZH} 三（七）` },
  { code: 'ZH-8-1', label: '限制高消费（出境、购买不动产、乘坐飞机和高等级列车席次、旅游度假、入住星级以上宾馆等）', family: 'market', duration: WHILE, basis: `${ZH} 三（八）` },
  { code: 'ZH-9-1', label: '行业内警告、通报批评、公开谴责、不予接纳、劝退', family: 'industry', duration: WHILE, basis: `${ZH} 三（九）` },
  { code: 'ZH-11-1', label: '记入法定代表人、主要责任人和其他负有直接责任人员的个人信用记录', family: 'personal', duration: WHILE, basis: `${ZH} 三（十一）` },
];

export function findMeasure(code: string): Measure | undefined {
  return MEASURES.find((m) => m.code === code);
}
