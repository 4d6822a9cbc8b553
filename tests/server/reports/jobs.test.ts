import { describe, expect, it } from 'vitest';
import { JOB_KEEP_MS, MAX_OPEN_JOBS_PER_USER, progressFraction, ReportJobs } from '../../../server/reports/jobs.ts';

describe('report jobs', () => {
  it('progress only goes forward through the stages', () => {
    const steps = [
      progressFraction('waiting', 0, 0),
      progressFraction('loading', 0, 10),
      progressFraction('loading', 5, 10),
      progressFraction('loading', 10, 10),
      progressFraction('paging', 0, 1),
      progressFraction('paging', 1, 1),
      progressFraction('printing', 0, 1),
      progressFraction('printing', 1, 1),
      progressFraction('done', 0, 0),
    ];
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(1);
    expect(progressFraction('loading', 50, 10)).toBe(progressFraction('loading', 10, 10));
  });

  it("are their owner's alone, limited per user, and forgotten a while after they finish", () => {
    let now = 0;
    const jobs = new ReportJobs(() => now);
    const job = jobs.create('ana', 'a.pdf');
    if (!job) throw new Error('no job');
    expect(jobs.get(job.id, 'ana')).toBe(job);
    expect(jobs.get(job.id, 'bob')).toBeNull();
    for (let i = 1; i < MAX_OPEN_JOBS_PER_USER; i += 1) expect(jobs.create('ana', 'b.pdf')).not.toBeNull();
    expect(jobs.create('ana', 'c.pdf')).toBeNull();
    // A stage whose total grows does not move the bar back.
    jobs.update(job, 'loading', 3, 4);
    const before = job.progress.fraction;
    jobs.update(job, 'loading', 3, 10);
    expect(job.progress.fraction).toBe(before);
    expect(job.progress.total).toBe(10);
    expect(jobs.create('bob', 'd.pdf')).not.toBeNull();
    jobs.finish(job, new Uint8Array([1]));
    expect(job.progress.stage).toBe('done');
    expect(jobs.create('ana', 'e.pdf')).not.toBeNull();
    now += JOB_KEEP_MS + 1;
    expect(jobs.get(job.id, 'ana')).toBeNull();
  });
});
