/**
 * Publication masking profiles (the texts disagree on personal data, so each rule set picks one):
 *  - 'masked'  (default): names and ID numbers of natural persons are published only de-identified
 *               — 黑龙江条例 第二十三条 "应当进行必要的脱敏处理".
 *  - 'full'   : published in full — 朝阳房地产规定 第十二条(一) lists 身份证号码 among the published fields.
 *  - 'offline': information about natural persons is not published at all —
 *               朝阳2020方案 十六(二十六) "将涉及个人的信息查询、公示等下线".
 */
export type PublicationProfile = 'masked' | 'full' | 'offline';

export const PUBLICATION_PROFILE_LABELS: Record<PublicationProfile, string> = {
  masked: '脱敏公示',
  full: '完整公示',
  offline: '个人信息不公示',
};

/** How protective a profile is (higher = more protective). */
export const PROFILE_PROTECTION: Record<PublicationProfile, number> = { full: 0, masked: 1, offline: 2 };

/** The more protective of two profiles. */
export function moreProtective(a: PublicationProfile, b: PublicationProfile): PublicationProfile {
  return PROFILE_PROTECTION[a] >= PROFILE_PROTECTION[b] ? a : b;
}
