/** Every editable paragraph of every document kind is named in Chinese (设置 → 文书模板). */
import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../../shared/documents/format';
import {
  DEFAULT_TEMPLATES,
  describePlaceholder,
  fromEditableText,
  placeholderFieldName,
  toEditableText,
  droppedPlaceholders,
  PARAGRAPH_LABELS,
  paragraphKeys,
  paragraphLabel,
  paragraphPlaceholders,
  PLACEHOLDER_LABELS,
  REQUIRED_PLACEHOLDERS,
} from '../../shared/documents/templates';
import { DOCUMENT_KINDS } from '../../shared/documents/types';

const CHINESE = /^[\u4e00-\u9fff（）]+$/u;

describe('paragraph labels', () => {
  it.each(DOCUMENT_KINDS)('every paragraph key of %s has a Chinese label', (kind) => {
    const keys = new Set([...Object.keys(DEFAULT_TEMPLATES[kind].paragraphs), ...Object.keys(REQUIRED_PLACEHOLDERS[kind] ?? {})]);
    expect(keys.size).toBeGreaterThan(0);
    for (const key of keys) {
      const label = PARAGRAPH_LABELS[kind][key];
      expect(label, `${kind}.${key}`).toBeDefined();
      expect(label, `${kind}.${key}`).toMatch(CHINESE);
      expect(paragraphLabel(kind, key)).toBe(label);
    }
    // no stale labels for keys that no longer exist
    expect(Object.keys(PARAGRAPH_LABELS[kind]).sort()).toEqual(Object.keys(DEFAULT_TEMPLATES[kind].paragraphs).sort());
    // labels tell the paragraphs of one kind apart
    expect(new Set(Object.values(PARAGRAPH_LABELS[kind])).size).toBe(Object.keys(PARAGRAPH_LABELS[kind]).length);
  });

  it('explains every placeholder of every default paragraph in Chinese', () => {
    for (const kind of DOCUMENT_KINDS) {
      for (const [key, text] of Object.entries(DEFAULT_TEMPLATES[kind].paragraphs)) {
        for (const name of placeholdersOf(text)) {
          expect(PLACEHOLDER_LABELS[name], `${kind}.${key} {{${name}}}`).toMatch(/[\u4e00-\u9fff]/u);
        }
      }
    }
    expect(describePlaceholder('reviewDays')).toBe('【申请行政复议的期限】（日数）');
    expect(describePlaceholder('reviewBody')).toBe('【行政复议机关】');
  });

  it('the editor shows every field by a unique Chinese name and maps it back without loss', () => {
    const fields = Object.keys(PLACEHOLDER_LABELS).map((n) => placeholderFieldName(n));
    for (const f of fields) expect(f).toMatch(/^[\u4e00-\u9fff]+$/u);
    expect(new Set(fields).size).toBe(fields.length);
    for (const kind of DOCUMENT_KINDS) {
      for (const text of Object.values(DEFAULT_TEMPLATES[kind].paragraphs)) {
        const shown = toEditableText(text);
        expect(shown).not.toMatch(/\{\{|[A-Za-z]/);
        expect(fromEditableText(shown)).toBe(text);
      }
    }
    expect(toEditableText('向{{reviewBody}}申请')).toBe('向【行政复议机关】申请');
    // an officer may type a field by its name; unknown brackets stay text
    expect(fromEditableText('由【行政复议机关】受理【其他】')).toBe('由{{reviewBody}}受理【其他】');
  });

  it('lists the placeholders a paragraph must keep, and finds the ones an office dropped', () => {
    expect(paragraphKeys('listing-decision')).toEqual(['intro', 'validity', 'measures', 'remedies', 'repair', 'noticeIntro', 'noticeConditions', 'noticeBarred', 'noticeMaterials', 'noticeWindow', 'noticeContact']);
    const remedies = paragraphPlaceholders('listing-decision', 'remedies');
    expect(remedies.filter((p) => p.required).map((p) => p.name)).toEqual(['objectionTo', 'reviewDays', 'reviewBody', 'litigationMonths', 'court']);
    expect(paragraphPlaceholders('listing-decision', 'intro')).toEqual([{ name: 'listName', required: false }]);
    expect(droppedPlaceholders('listing-decision', 'remedies', '如不服，可在{{reviewDays}}日内申请复议。')).toEqual(['objectionTo', 'reviewBody', 'litigationMonths', 'court']);
    expect(droppedPlaceholders('listing-decision', 'remedies', DEFAULT_TEMPLATES['listing-decision'].paragraphs.remedies)).toEqual([]);
    expect(paragraphLabel('listing-decision', 'unknownKey')).toBe('其他段落（unknownKey）');
  });
});
