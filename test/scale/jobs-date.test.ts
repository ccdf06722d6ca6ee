import { afterEach, describe, expect, it, vi } from 'vitest';
import { runInProcess } from '../helpers/cli.js';

// The 报告日期 with --date unset is today, taken once on the thread that writes the report and
// handed to the worker threads with the options: a run that crosses midnight must not date the
// documents made in workers one day and the others the next. Here this thread's clock says
// 2001-02-03 and the workers' (not faked) says the real date: every document must say 2001.
describe('--jobs and the report date', () => {
  afterEach(() => vi.useRealTimers());

  it('with --date unset, the documents made in worker threads carry this thread\'s today', { timeout: 120_000 }, async () => {
    const real = new Date();
    const realWords = `${real.getFullYear()}年${real.getMonth() + 1}月${real.getDate()}日`;
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(2001, 1, 3, 12) });
    const r = await runInProcess(['fixtures/packs/', 'fixtures/changning-failing.json', 'fixtures/changning-compliant.json', '--format', 'html', '--jobs', '2']);
    expect(r.stderr).not.toMatch(/internal error|内部错误/);
    // The district summary and each of the 6 areas' documents (4 packs, 2 files) carry the date.
    const dated = r.stdout.split('2001年2月3日').length - 1;
    expect(dated).toBeGreaterThanOrEqual(7);
    expect(r.stdout).not.toContain(realWords);
  });
});
