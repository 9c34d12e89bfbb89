/**
 * A rule set pushed down by the platform arrives whole: every field a preset carries survives
 * validation (a field the schema drops would silently change the pushed rules: closedBy, scope, holder,
 * bySector …), and unknown or malformed values are refused in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { RULE_SET_PRESETS } from '../../shared/rules/presets';
import { parseRuleSetUpdate } from '../../shared/sync/rule-set-update';

describe('parseRuleSetUpdate', () => {
  it.each(RULE_SET_PRESETS.map((r) => [`${r.id} v${r.version}`, r] as const))('keeps every field of %s', (_name, preset) => {
    const wire = JSON.parse(JSON.stringify({ ruleSet: preset }));
    const parsed = parseRuleSetUpdate(wire);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.update.ruleSet).toEqual(JSON.parse(JSON.stringify(preset)));
  });

  it('refuses a closing trigger naming an unknown event, and an unknown condition, naming the field', () => {
    const preset = RULE_SET_PRESETS.find((r) => r.periods.some((p) => p.key === 'objection_decision'))!;
    const periods = preset.periods.map((p) => (p.key === 'objection_decision' ? { ...p, closedBy: [{ event: 'no_such_event' }] } : p));
    const bad = parseRuleSetUpdate(JSON.parse(JSON.stringify({ ruleSet: { ...preset, periods } })));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toMatch(/periods\.\d+\.closedBy\.0\.event/);
    const periods2 = preset.periods.map((p) => (p.key === 'objection_decision' ? { ...p, countsFromWhen: 'whenever' } : p));
    const bad2 = parseRuleSetUpdate(JSON.parse(JSON.stringify({ ruleSet: { ...preset, periods: periods2 } })));
    expect(bad2.ok).toBe(false);
    if (!bad2.ok) expect(bad2.reason).toContain('countsFromWhen');
  });
});
