/**
 * Report jobs: a PDF being made in the background, so the web page can show its progress (a pack
 * of 25 zones takes tens of seconds) and then fetch the file. Kept in memory: a job lives until
 * its file is a few minutes old; a restart forgets them (the page then says so and can ask again).
 * A job is its owner's alone: another user asking for its id gets the same 404 as a missing id.
 */
import { randomUUID } from 'node:crypto';

export type ReportStage = 'waiting' | 'loading' | 'paging' | 'printing' | 'done' | 'failed';

export interface ReportProgress {
  stage: ReportStage;
  /** Jobs ahead of this one in the printer's queue (stage 'waiting'). */
  ahead: number;
  /** Work done and to do in this stage: zones loaded, sections paged. */
  done: number;
  total: number;
  /** 0..1 over the whole job, for a progress bar. */
  fraction: number;
}

export interface JobError {
  code: string;
  th: string;
  en: string;
}

export interface ReportJob {
  id: string;
  owner: string;
  fileName: string;
  createdAt: number;
  progress: ReportProgress;
  pdf: Uint8Array | null;
  error: JobError | null;
  finishedAt: number | null;
}

/** Share of the bar each stage ends at: loading the data, counting pages (packs), printing. */
const STAGE_END: Record<'loading' | 'paging' | 'printing', number> = { loading: 0.45, paging: 0.8, printing: 0.98 };
const STAGE_START: Record<'loading' | 'paging' | 'printing', number> = { loading: 0.02, paging: 0.45, printing: 0.8 };

/** The fraction of the whole job a stage's progress stands for. Pure. */
export function progressFraction(stage: ReportStage, done: number, total: number): number {
  if (stage === 'done') return 1;
  if (stage === 'waiting' || stage === 'failed') return 0;
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  return STAGE_START[stage] + (STAGE_END[stage] - STAGE_START[stage]) * share;
}

/** How long a finished job's file can still be fetched. */
export const JOB_KEEP_MS = 10 * 60_000;
/** Jobs one user may have unfinished at once: a double click is fine, a loop is not. */
export const MAX_OPEN_JOBS_PER_USER = 3;

export class ReportJobs {
  private readonly jobs = new Map<string, ReportJob>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Null when the owner already has MAX_OPEN_JOBS_PER_USER jobs unfinished. */
  create(owner: string, fileName: string): ReportJob | null {
    this.sweep();
    const open = [...this.jobs.values()].filter((j) => j.owner === owner && j.finishedAt === null).length;
    if (open >= MAX_OPEN_JOBS_PER_USER) return null;
    const job: ReportJob = {
      id: randomUUID(),
      owner,
      fileName,
      createdAt: this.now(),
      progress: { stage: 'waiting', ahead: 0, done: 0, total: 0, fraction: 0 },
      pdf: null,
      error: null,
      finishedAt: null,
    };
    this.jobs.set(job.id, job);
    return job;
  }

  /** The owner's job, or null (unknown, expired or someone else's). */
  get(id: string, owner: string): ReportJob | null {
    this.sweep();
    const job = this.jobs.get(id);
    return job && job.owner === owner ? job : null;
  }

  /**
   * A print view learns its parts as it goes (a pack's zones register as they mount), so a
   * stage's total can grow: the bar never moves back for that.
   */
  update(job: ReportJob, stage: ReportStage, done = 0, total = 0, ahead = 0): void {
    const fraction = progressFraction(stage, done, total);
    job.progress = {
      stage,
      ahead,
      done,
      total,
      fraction: stage === 'failed' ? fraction : Math.max(job.progress.fraction, fraction),
    };
  }

  finish(job: ReportJob, pdf: Uint8Array): void {
    job.pdf = pdf;
    job.finishedAt = this.now();
    this.update(job, 'done');
  }

  fail(job: ReportJob, error: JobError): void {
    job.error = error;
    job.finishedAt = this.now();
    this.update(job, 'failed');
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, job] of this.jobs) {
      if (job.finishedAt !== null && now - job.finishedAt > JOB_KEEP_MS) this.jobs.delete(id);
    }
  }
}
