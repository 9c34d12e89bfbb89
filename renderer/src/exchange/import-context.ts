import type { ImportContext } from '../../../shared/exchange/validate';
import { selectRuleSet } from '../../../shared/rules/select';
import type { DateSystem } from '../../../shared/util/parse-date';
import type { ImportRules } from '../desk/imports';

/**
 * shared's ImportContext from the plain rules the desk hands the worker: the rule set in force on a
 * 认定 date is the office's jurisdiction's (selectRuleSet), as the case form chooses it.
 */
export function importContextFrom(rules: ImportRules, dateSystem: DateSystem = '1900'): ImportContext {
  const jurisdiction = rules.jurisdictionKey;
  return {
    today: rules.today,
    dateSystem,
    ...(jurisdiction ? { ruleSetOn: (on: string) => selectRuleSet(rules.ruleSets, jurisdiction, on) } : {}),
  };
}
