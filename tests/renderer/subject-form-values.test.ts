import { describe, expect, it } from 'vitest';
import { formSubjectKind, registerInputOf } from '../../renderer/src/pages/subject-form-values';

describe('登记主体 form values', () => {
  it('a form fixed to natural persons registers a person although its values carry no 主体类型', () => {
    const input = registerInputOf({ name: '示例责任人', idNumber: '219900198005210019' }, 'natural_person');
    expect(input).toEqual({ kind: 'natural_person', pii: { name: '示例责任人', idType: '居民身份证', idNumber: '219900198005210019' } });
  });

  it('the fixed kind wins over a stale 主体类型 value', () => {
    expect(formSubjectKind({ kind: 'legal_person' }, 'natural_person')).toBe('natural_person');
    expect(formSubjectKind({ kind: 'unincorporated_org' })).toBe('unincorporated_org');
    expect(formSubjectKind({})).toBe('legal_person');
  });

  it('an organisation keeps its code, category and region', () => {
    expect(registerInputOf({ kind: 'legal_person', name: '示例县虚构置业有限公司', uscc: '91210000MA0000001B', orgType: '企业', region: ' 示例镇 ' })).toEqual({
      kind: 'legal_person',
      name: '示例县虚构置业有限公司',
      uscc: '91210000MA0000001B',
      orgType: '企业',
      region: '示例镇',
    });
  });
});
