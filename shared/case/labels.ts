/**
 * Chinese labels of the case vocabulary that events.ts does not label itself. One place: the forms,
 * the Excel templates and exports, and the printed documents all use these.
 */
import type { BasisDocumentType, BasisRevocationKind, ObjectionGround, RemovalReason, RepairMethod, ServiceMethod } from './events';
import type { ServedDocumentKind } from '../documents/kinds';

export const SERVICE_METHOD_LABELS: Record<ServiceMethod, string> = {
  direct: '直接送达',
  left_at_address: '留置送达',
  post: '邮寄送达',
  electronic: '电子送达',
  entrusted: '委托送达',
  public_notice: '公告送达',
};

export const OBJECTION_GROUND_LABELS: Record<ObjectionGround, string> = {
  error: '信息错误',
  omission: '信息遗漏',
  overdue_publication: '超期公示',
  trade_secret: '侵犯商业秘密',
  privacy: '侵犯个人隐私或个人信息',
  listing: '对列入有异议',
  other: '其他',
};

/** Repair methods and the material each needs (朝阳房地产规定 第十六条; 凌源新型监管 三(六)). */
export const REPAIR_METHOD_LABELS: Record<RepairMethod, string> = {
  commitment: '信用承诺（承诺书）',
  rectification: '信用整改（整改材料）',
  verification: '信用核查（核查结果）',
  training: '专题培训（培训证明）',
  credit_report: '信用报告',
  public_welfare: '公益慈善（公益活动证明）',
  obligation_fulfilled: '已履行法定义务（履行证明）',
};

export const REMOVAL_REASON_LABELS: Record<RemovalReason, string> = { fulfilled: '已履行法定义务、纠正失信行为、消除不良影响', other: '其他' };

/** What a `served` event names as served. */
export const SERVED_DOCUMENT_KIND_LABELS: Record<ServedDocumentKind, string> = {
  'prior-notice': '事先告知书',
  'listing-decision': '列入决定书',
  'listing-notice': '列入告知书',
  'objection-acceptance': '异议受理通知书',
  'objection-decision': '异议处理决定书',
  'repair-acceptance': '信用修复受理通知书',
  'repair-decision': '信用修复决定书',
  'removal-decision': '移出决定书',
  other: '其他文书',
};

/** Basis document types (黑龙江条例 第二十七、二十八条). */
export const BASIS_TYPE_LABELS: Record<BasisDocumentType, string> = {
  judgment: '判决',
  ruling: '裁定',
  arbitration: '仲裁',
  penalty_decision: '行政处罚决定',
  coercion: '行政强制',
  adjudication: '行政裁决',
  dishonest_judgment_debtor: '失信被执行人名单',
  other: '其他',
};

export const REVOCATION_LABELS: Record<BasisRevocationKind, string> = { revoked: '被撤销', confirmed_illegal: '被确认违法', confirmed_void: '被确认无效' };
