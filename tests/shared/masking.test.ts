import { describe, expect, it } from 'vitest';
import { maskCitizenId, maskPersonName, maskUscc, publicationView } from '../../shared';
import type { SubjectRef } from '../../shared';

describe('maskPersonName', () => {
  it.each([
    ['张三', '张*'],
    ['李小龙', '李**'],
    ['欧阳娜娜', '欧阳**'],
    ['司马光', '司马*'],
    ['欧阳', '欧*'], // two characters: surname 欧 + given name 阳
    ['张', '*'],
    ['买买提·艾力', '买**·**'],
    ['', ''],
  ])('%s → %s', (name, masked) => {
    expect(maskPersonName(name)).toBe(masked);
  });
});

describe('maskCitizenId', () => {
  it('keeps the address code and the last 4, hides the birth date', () => {
    expect(maskCitizenId('11010519491231002X')).toBe('110105********002X');
    expect(maskCitizenId('11010519491231002x')).toBe('110105********002X');
  });
  it('masks irregular input except the last 2 characters', () => {
    expect(maskCitizenId('E1234567')).toBe('******67');
    expect(maskCitizenId('1')).toBe('*');
  });
});

describe('maskUscc', () => {
  it('keeps the first 8 and the last 2', () => {
    expect(maskUscc('91110000600037341L')).toBe('91110000********1L');
    expect(maskUscc('ABC')).toBe('*BC');
  });
});

const company: SubjectRef = {
  subjectId: 's1',
  kind: 'legal_person',
  name: '某某房地产开发有限公司',
  uscc: '91110000600037341L',
  legalRepresentative: { name: '欧阳娜娜', citizenId: '11010519491231002X' },
  responsiblePersons: [{ name: '张三', citizenId: '360426199101010071', role: '主要责任人' }],
};
const person: SubjectRef = { subjectId: 's2', kind: 'natural_person', name: '张三', citizenId: '360426199101010071' };

describe('publicationView', () => {
  it('masked (default, 黑龙江条例 第二十三条): persons de-identified, organisation code in full', () => {
    const v = publicationView(company);
    expect(v).toMatchObject({
      published: true,
      profile: 'masked',
      name: '某某房地产开发有限公司',
      code: '91110000600037341L',
      legalRepresentative: { name: '欧阳**', citizenId: '110105********002X' },
      responsiblePersons: [{ name: '张*', citizenId: '360426********0071', role: '主要责任人' }],
    });
    expect(publicationView(person)).toMatchObject({ published: true, name: '张*', code: '360426********0071' });
  });
  it('full (朝阳房地产规定 第十二条): published as recorded', () => {
    expect(publicationView(company, 'full')).toMatchObject({ legalRepresentative: { name: '欧阳娜娜', citizenId: '11010519491231002X' }, withheld: [] });
    expect(publicationView(person, 'full')).toMatchObject({ name: '张三', code: '360426199101010071' });
  });
  it('offline (朝阳2020方案 十六(二十六)): natural persons not published; organisations without personal data', () => {
    const v = publicationView(person, 'offline');
    expect(v.published).toBe(false);
    if (!v.published) expect(v.reason).toContain('十六（二十六）');
    expect(publicationView(company, 'offline')).toMatchObject({ published: true, legalRepresentative: null, responsiblePersons: [] });
  });
  it('individual businesses: code masked unless full', () => {
    const shop: SubjectRef = { subjectId: 's3', kind: 'individual_business', name: '某某小吃店', uscc: '91110000600037341L' };
    expect(publicationView(shop)).toMatchObject({ code: '91110000********1L' });
    expect(publicationView(shop, 'full')).toMatchObject({ code: '91110000600037341L' });
  });
});
