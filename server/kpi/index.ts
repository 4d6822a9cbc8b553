/**
 * The KPI maths of kpi.md: pure functions, no I/O. Queries feed them counts and tallies; routes
 * return their results, each with a `method` saying which rule made the figure.
 */
export * from './beta.ts';
export * from './crime.ts';
export * from './crime-window.ts';
export * from './intervals.ts';
export * from '../contracts/calendar.ts';
export * from './status.ts';
export * from './survey.ts';
export * from './survey-rules.ts';
