import { describe, expect, it } from 'vitest';
import { normalizeIdentifierInput } from '../../shared/identifiers/normalize';
import { checkUscc } from '../../shared/identifiers/uscc';
import { checkCitizenId } from '../../shared/identifiers/citizen-id';

// A code pasted from a web page or a Word/WPS document often carries zero-width characters or a BOM.
// They are invisible, so a refusal naming one (a quoted zero-width space) cannot be acted on.
describe('identifier input with invisible characters', () => {
  it('zero-width characters, word joiner, BOM, soft hyphen and bidi marks are removed', () => {
    expect(normalizeIdentifierInput('\ufeff9111\u200b0000\u200c6000\u200d37341\u2060L\u00ad\u200e')).toBe('91110000600037341L');
  });

  it('the checks accept such pasted codes', () => {
    expect(checkUscc('9111\u200b0000600037341L')).toEqual({ ok: true, normalized: '91110000600037341L' });
    expect(checkCitizenId('\ufeff11010519491231002X')).toEqual({ ok: true, normalized: '11010519491231002X' });
  });
});
