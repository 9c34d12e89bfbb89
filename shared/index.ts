// Public API of the pure domain core. Other layers import from 'shared' (this file) or from the
// module files directly (shared/documents and shared/sync are imported by path).
export * from './util/assert-never';
export * from './util/result';
export * from './util/dates';
export * from './util/parse-date';
export * from './util/sha256';
export * from './util/canonical-json';
export * from './util/versioned';

export * from './identifiers/normalize';
export * from './identifiers/uscc';
export * from './identifiers/citizen-id';
export * from './identifiers/generators';

export * from './calendar/types';
export * from './calendar/calendar';
export * from './calendar/schedule-schema';

export * from './rules/types';
export * from './rules/periods';
export * from './rules/catalogues';
export * from './rules/measures';
export * from './rules/presets';
export * from './rules/select';
export * from './rules/conditions';
export * from './rules/office';
export * from './rules/remedies';

export * from './masking/types';
export * from './masking/mask';
export * from './masking/views';

export * from './office/profile';
export * from './documents/kinds';

export * from './case/events';
export * from './case/state';
export * from './case/deadlines';
export * from './case/fold';
export * from './case/can-perform';
export * from './case/append';
export * from './case/hash-chain';
export * from './case/schema';
export * from './case/describe';
export * from './case/periods-engine';
export * from './case/recipients';
export * from './case/explain';
export * from './case/joint';
export * from './case/labels';
export * from './case/next-acts';

export * from './exchange/cells';
export * from './exchange/code-tables';
export * from './exchange/templates';
export * from './exchange/mapping';
export * from './exchange/validate';
export * from './exchange/import';
export * from './exchange/sheet';
export * from './exchange/workbook';
export * from './exchange/shuanggongshi';
export * from './exchange/publication-list';

export * from './credit/records';
export * from './credit/hebei';
export * from './credit/points';
export * from './credit/sampling';
export * from './credit/incentive';
export * from './credit/commitments';
export * from './credit/case-facts';
export * from './credit/report';
export * from './credit/stats';
export * from './credit/stats-buckets';
