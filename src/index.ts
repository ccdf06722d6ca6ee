/**
 * weibao's library API (contract.md): what the CLI does, without spawning it.
 *   const std = await loadStandard('changning-demo-street@2023');
 *   const result = assessFacts(std, factsObject);
 */
export { compileRule } from './rules/compile.js';
export type { CompiledRule, CompileOptions } from './rules/compile.js';
export { DEFAULT_BUDGET, RuleBudgetError, type RuleBudget } from './rules/budget.js';
export { RuleFault } from './standard/fault.js';
export { loadStandard, loadStandardSync, readStandardFile } from './standard/load.js';
export { listBundled } from './standard/registry.js';
export { assessFacts } from './assess/assess.js';
export type { AssessOptions } from './assess/assess.js';
export { assessInput } from './assess/input.js';
export type { AssessInputOptions } from './assess/input.js';
export { explain } from './messages/explain.js';
export type { Reason, ReasonKind, Comparison, FactValue } from './reasons.js';
export { validateFacts } from './facts/validate.js';
export { factsFileSchema } from './facts/schema.js';
export { sharedVocabulary } from './standard/vocabulary.js';
export { parseText, readDocument } from './source/read.js';
export { FORMAT_NAMES, formatOf, loadFormatter } from './report/formats.js';
export type { Format, OutputFormat } from './report/formats.js';
export type { FormatOptions, Formatter, ReportOutput, ReportStream, StreamFormatter } from './report/types.js';
export { diffStandards } from './diff/standards.js';
export { assessImpact } from './diff/impact.js';
export { DIFF_FORMAT_NAMES, loadDiffFormatter } from './diff/format/formats.js';
export type { DiffFormatter } from './diff/format/types.js';
export type * from './diff/types.js';
export { InputError, RuleError, UsageError, WeibaoError } from './errors.js';
export { describeError } from './error-words.js';
export type { DescribedError, FailureKind, ProblemRecord } from './error-words.js';
export type * from './assess/types.js';
export type { Standard, LoadedStandard, StandardItem, FactSpec, Vocabulary } from './standard/types.js';
export type { FactsFile } from './facts/types.js';
