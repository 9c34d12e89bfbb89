import { describe, expect, it } from 'vitest';
import { SIMILAR_NAME_THRESHOLD, compareNames, nameCore, similarNameReason, splitRegion } from '../../shared/identifiers/similar-name';

const similar = (a: string, b: string, placeNames?: string[]) => compareNames(a, b, placeNames ? { placeNames } : {}).score >= SIMILAR_NAME_THRESHOLD;

describe('similar organisation names: compared without place name and organisational form', () => {
  it('removes the place name and the organisational suffix', () => {
    expect(nameCore('示例县虚构置业有限公司')).toBe('虚构置业');
    expect(nameCore('示例县虚构置业有限责任公司')).toBe('虚构置业');
    expect(nameCore('示例省示例市示例县样板物业服务股份有限公司')).toBe('样板物业服务');
    expect(nameCore('示例县示例镇绿源农民专业合作社')).toBe('绿源');
    expect(nameCore('示例县老王小吃店个体工商户')).toBe('老王小吃店');
    expect(nameCore('虚构（北京）置业有限公司')).toBe('虚构置业');
    expect(nameCore('某某合作社')).toBe('某某');
    // a name that is only a place and a form keeps something to compare
    expect(nameCore('示例县有限公司').length).toBeGreaterThan(0);
  });

  it('uses the office region names first', () => {
    expect(splitRegion('示例省示例市示例县')).toEqual(['示例省', '示例市', '示例县']);
    expect(nameCore('示例县城关镇虚构置业有限公司', { placeNames: ['示例省示例市示例县'] })).toBe('虚构置业');
  });

  it('does not flag any two local companies (issue: 50% for any two 示例县…有限公司)', () => {
    expect(similar('示例县样板物业服务有限公司', '示例县模拟供热有限公司')).toBe(false);
    expect(similar('示例县演示建筑工程有限公司', '示例县虚拟食品加工厂')).toBe(false);
    expect(similar('示例县样板物业服务有限公司', '示例县测试物业服务有限公司')).toBe(false);
    expect(similar('示例县虚构房地产开发有限公司', '示例县样板房地产开发有限公司')).toBe(false);
  });

  it('flags the same subject written with another form, place or a typo', () => {
    expect(similar('示例县虚构置业有限公司', '示例县虚构置业有限责任公司')).toBe(true);
    expect(similar('示例县虚构置业有限公司', '示例市虚构置业股份有限公司')).toBe(true);
    expect(similar('示例县样板物业服务有限公司', '示例县祥板物业服务有限公司')).toBe(true);
    expect(compareNames('示例县虚构置业有限公司', '示例县虚构置业有限责任公司').score).toBe(1);
  });

  it('says which registered subject the name resembles and why', () => {
    const same = compareNames('示例县虚构置业有限责任公司', '示例县虚构置业有限公司');
    expect(similarNameReason('示例县虚构置业有限责任公司', '示例县虚构置业有限公司', same)).toBe('与已登记的“示例县虚构置业有限公司”相近：去掉地名和组织形式后都是“虚构置业”');
    const typo = compareNames('示例县祥板物业服务有限公司', '示例县样板物业服务有限公司');
    expect(similarNameReason('示例县祥板物业服务有限公司', '示例县样板物业服务有限公司', typo)).toMatch(/^与已登记的“示例县样板物业服务有限公司”相近：去掉地名和组织形式后，“祥板物业服务”与“样板物业服务”相似度\d+%$/);
  });
});
