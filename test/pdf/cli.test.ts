import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

/** The CLI in-process: stdout and stderr collected, no terminal. */
async function assess(...args: string[]) {
  const out = { stdout: '', stderr: '' };
  const stream = (k: 'stdout' | 'stderr') => ({ write: (s: string) => ((out[k] += s), true), isTTY: false, columns: 100 }) as unknown as NodeJS.WriteStream;
  const code = await main(['node', 'assess', ...args], { stdout: stream('stdout'), stderr: stream('stderr') });
  return { code, ...out };
}

const MONTHLY = ['fixtures/packs/a-clean', '--baseline', 'fixtures/packs-baseline.json'];

// Generous: the first run imports the whole CLI, which on a busy machine can take seconds.
describe('document options of assess (html, pdf)', { timeout: 120_000 }, () => {
  it('--issuer and --date name who reports and when', async () => {
    const r = await assess('fixtures/changning-failing.json', '--format', 'html', '--issuer', '长宁区示例街道办事处', '--date', '2023-12-28');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<dt>报送单位</dt><dd>长宁区示例街道办事处</dd>');
    expect(r.stdout).toContain('<dt>报告日期</dt><dd>2023年12月28日</dd>');
  });

  it('--date that is not a calendar date: exit 4, saying how to write it', async () => {
    for (const bad of ['2023-02-30', '28/12/2023', 'today']) {
      const r = await assess('fixtures/changning-failing.json', '--format', 'html', '--date', bad);
      expect(r.code).toBe(4);
      // What, the fix on a line of its own, where the help is: like every other usage error.
      expect(r.stderr).toBe(`错误: --date ${bad} 不是日历上的日期\n  改为: 写成 YYYY-MM-DD（年-月-日，月和日各两位），例如 --date 2023-12-28\n（运行 assess --help 查看用法）\n`);
      expect(r.stdout).toBe('');
    }
    const en = await assess('fixtures/changning-failing.json', '--format', 'html', '--date', '2023-13-45', '--lang', 'en');
    expect(en.code).toBe(4);
    expect(en.stderr).toBe('error: --date 2023-13-45 is not a calendar date\n  fix: write it as YYYY-MM-DD (year-month-day, two-digit month and day), e.g. --date 2023-12-28\n(run assess --help for usage)\n');
  });

  it('--baseline makes the HTML a 月报 with 本月进展 (it used to be byte-identical without it)', async () => {
    const plain = await assess('fixtures/packs/a-clean', '--format', 'html', '--date', '2023-12-28');
    const monthly = await assess(...MONTHLY, '--format', 'html', '--date', '2023-12-28');
    expect(monthly.stdout).not.toBe(plain.stdout);
    expect(monthly.stdout).toContain('工作月报（2023年12月）');
    expect(monthly.stdout).toContain('二、本月进展');
    expect(plain.stdout).not.toContain('本月进展');
    expect(monthly.stderr).not.toContain('--baseline');
  });

  it('warns when --baseline is given to a format that does not show it', async () => {
    for (const args of [['--format', 'junit'], ['--format', 'github'], ['--format', 'html', '--by', 'responsible']]) {
      const r = await assess(...MONTHLY, ...args);
      expect(r.stderr).toMatch(/警告: --baseline 对 --format (junit|github|html --by responsible) 不起作用/);
      expect(r.stderr).toContain('table, json, markdown, html, xlsx, pdf');
    }
  });

  it('--by responsible --format html is the 问题清单 alone, not the plain report', async () => {
    const plain = await assess('fixtures/yangshi-failing.json', '--format', 'html', '--date', '2023-12-28');
    const problems = await assess('fixtures/yangshi-failing.json', '--format', 'html', '--by', 'responsible', '--date', '2023-12-28');
    expect(problems.stdout).not.toBe(plain.stdout);
    expect(problems.stdout).toContain('>创建全国未成年人保护示范点问题清单</h1>');
    expect(problems.stdout).toMatch(/<div class="ledger-group" data-by="responsible" data-key="派出所">/);
    expect(problems.stdout).not.toContain('class="all-items"');
  });
});
