/**
 * Statutory remedy periods printed in every decision's 救济途径 (黑龙江条例 第二十八条 requires the
 * decision to state them). These are national law, not rule-set choices:
 *  - 行政复议: 60 days from knowing of the act (行政复议法(2023) 第二十条);
 *  - 行政诉讼: 6 months from knowing of the act (行政诉讼法 第四十六条).
 */
export const STATUTORY_REMEDY_PERIODS = {
  administrativeReviewDays: 60,
  administrativeLitigationMonths: 6,
  basis: '行政复议法 第二十条；行政诉讼法 第四十六条',
} as const;
