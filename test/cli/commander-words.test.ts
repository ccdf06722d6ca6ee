import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { usageLines } from '../../src/cli/commander-words.js';
import { displayWidth } from '../../src/report/width.js';
import { runInProcess } from '../helpers/cli.js';

/**
 * commander's own words (issue 14): its help page and its usage errors come from the catalogue,
 * zh by default and en with --lang en. Each usage error exits 4, says what is wrong, on a line of
 * its own what to type instead, and where the command's help is.
 */

/** An English sentence of commander's that must never reach a user in zh. */
const COMMANDER_ENGLISH = /Usage:|Options:|Commands:|Arguments:|error:|unknown option|unknown command|missing required|argument missing|not specified|is invalid|Allowed choices|too many arguments|display help|output the version|choices:|default:|\[options\]|\(run /;

async function inEnglish<T>(f: () => Promise<T>): Promise<T> {
  const before = process.env.WEIBAO_LANG;
  process.env.WEIBAO_LANG = 'en';
  try {
    return await f();
  } finally {
    if (before === undefined) delete process.env.WEIBAO_LANG;
    else process.env.WEIBAO_LANG = before;
  }
}

const cases: { args: string[]; zh: RegExp; zhFix: RegExp; en: RegExp; enFix: RegExp; help: string }[] = [
  { args: ['init'], zh: /缺少必需的选项 --standard/, zhFix: /例如 assess init --standard changning-demo-street@2023.*（内置标准：changning-demo-street@2023、negative-list@2023、yangshi-demo-point@2022；assess standards list 列出它们）$/, en: /required option --standard not given/, enFix: /for example assess init --standard changning-demo-street@2023 .*\(bundled standards: changning-demo-street@2023, negative-list@2023, yangshi-demo-point@2022; assess standards list lists them\)$/, help: 'assess init' },
  { args: ['init', '--standard'], zh: /选项 --standard 后面缺少取值/, zhFix: /例如 assess init --standard/, en: /option --standard needs a value/, enFix: /for example assess init --standard/, help: 'assess init' },
  { args: ['--bogus', 'fixtures/changning-compliant.json'], zh: /assess 没有选项 --bogus/, zhFix: /去掉它；assess --help 列出全部选项/, en: /assess has no option --bogus/, enFix: /remove it; assess --help lists every option/, help: 'assess' },
  { args: ['--formt', 'json', 'fixtures/changning-compliant.json'], zh: /没有选项 --formt/, zhFix: /是否应为 "--format"？/, en: /has no option --formt/, enFix: /did you mean "--format"\?/, help: 'assess' },
  { args: ['standards', 'list', '--bogus'], zh: /assess standards list 没有选项 --bogus/, zhFix: /assess standards list --help/, en: /assess standards list has no option --bogus/, enFix: /assess standards list --help/, help: 'assess standards list' },
  { args: ['diff', 'changning-demo-street@2023'], zh: /缺少参数 <新标准>（新标准：/, zhFix: /例如 assess diff yangshi-demo-point@2022 changning-demo-street@2023/, en: /missing argument <b> \(the new standard/, enFix: /for example assess diff /, help: 'assess diff' },
  { args: ['standards', 'show'], zh: /缺少参数 <标准>/, zhFix: /例如 assess standards show changning-demo-street@2023/, en: /missing argument <ref>/, enFix: /for example assess standards show changning-demo-street@2023/, help: 'assess standards show' },
  { args: ['standards', 'lsit'], zh: /assess standards 没有命令 "lsit"/, zhFix: /是否应为 "assess standards list"？/, en: /assess standards has no command "lsit"/, enFix: /did you mean "assess standards list"\?/, help: 'assess standards' },
  { args: ['help', 'stanards'], zh: /assess 没有命令 "stanards"/, zhFix: /是否应为 "assess standards"？/, en: /assess has no command "stanards"/, enFix: /did you mean "assess standards"\?/, help: 'assess' },
  { args: ['standards', 'list', 'extra'], zh: /多余的参数 "extra"：assess standards list 不接受参数/, zhFix: /去掉多余的参数/, en: /too many arguments "extra": assess standards list takes none/, enFix: /remove the extra arguments/, help: 'assess standards list' },
  { args: ['fixtures/changning-compliant.json', '--format', 'nope'], zh: /选项 --format 没有 "nope" 这个取值/, zhFix: /改用其中之一：table、json、markdown/, en: /option --format does not accept "nope"/, enFix: /use one of: table, json, markdown/, help: 'assess' },
  { args: ['fixtures/changning-compliant.json', '--format', 'jsn'], zh: /没有 "jsn" 这个取值/, zhFix: /是否应为 "--format json"？/, en: /does not accept "jsn"/, enFix: /did you mean "--format json"\?/, help: 'assess' },
  // A value that shares nothing with any choice is no typo of one: the choices, not a guess.
  { args: ['fixtures/changning-compliant.json', '--lang', 'fr'], zh: /选项 --lang 没有 "fr" 这个取值/, zhFix: /改用其中之一：zh、en$/, en: /option --lang does not accept "fr"/, enFix: /use one of: zh, en$/, help: 'assess' },
  // An option's default is beside the point when its value is missing.
  { args: ['fixtures/changning-compliant.json', '--standard'], zh: /选项 --standard 后面缺少取值（评估所用的标准：id@版本、id（最新版本）或 YAML 文件）$/, zhFix: /assess standards list/, en: /option --standard needs a value \(standard to assess against: id@version, id \(latest\) or a YAML file\)$/, enFix: /assess standards list/, help: 'assess' },
  // An option where a value should be (commander would take it as the value: the standard "--format").
  { args: ['fixtures/changning-compliant.json', '--standard', '--format', 'json'], zh: /^错误: 选项 --standard 后面缺少取值（[^]*）：紧跟其后的 --format 是另一个选项，不能作为它的取值$/, zhFix: /在选项后写上取值：-s, --standard <标准>（内置标准：changning-demo-street@2023、/, en: /^error: option --standard needs a value \([^]*\): the --format after it is an option of its own, not its value$/, enFix: /write a value after the option: -s, --standard <ref> \(bundled standards: changning-demo-street@2023, /, help: 'assess' },
  { args: ['init', '--standard', '-f', 'json'], zh: /选项 --standard 后面缺少取值（[^]*）：紧跟其后的 -f 是另一个选项/, zhFix: /例如 assess init --standard changning-demo-street@2023/, en: /option --standard needs a value \([^]*\): the -f after it is an option/, enFix: /for example assess init --standard changning-demo-street@2023/, help: 'assess init' },
  { args: ['fixtures/changning-compliant.json', '--jobs', '--compact'], zh: /选项 --jobs 后面缺少取值（[^]*）：紧跟其后的 --compact 是另一个选项/, zhFix: /在选项后写上取值：-j, --jobs <n>$/, en: /option --jobs needs a value \([^]*\): the --compact after it/, enFix: /write a value after the option: -j, --jobs <n>$/, help: 'assess' },
  { args: ['fixtures/changning-compliant.json', '--format', '--', 'x.json'], zh: /选项 --format 后面缺少取值（输出格式）$/, zhFix: /改用其中之一：table、json/, en: /option --format needs a value \(output format\)$/, enFix: /use one of: table, json/, help: 'assess' },
  { args: ['diff', 'yangshi-demo-point@2022', 'changning-demo-street@2023', '--facts', '--exit-code'], zh: /选项 --facts 后面缺少取值（[^]*）：紧跟其后的 --exit-code 是另一个选项/, zhFix: /在选项后写上取值：--facts /, en: /option --facts needs a value \([^]*\): the --exit-code after it/, enFix: /write a value after the option: --facts /, help: 'assess diff' },
  // The default ("默认：打印到屏幕") is beside the point, what precedes it in the same brackets is not.
  { args: ['fixtures/changning-compliant.json', '--output'], zh: /选项 --output 后面缺少取值（把报告写入文件，写完整后才替换原文件（- 表示打印到屏幕））$/, zhFix: /-o, --output <文件>/, en: /option --output needs a value \(write the report to a file, replacing it only once complete \(- for standard output\)\)$/, enFix: /-o, --output <file>/, help: 'assess' },
  // Empty (`--standard=`, or a shell variable that expanded to nothing): the value is missing,
  // not a standard named '' (it was exit 3).
  { args: ['fixtures/changning-compliant.json', '--standard='], zh: /^错误: 选项 --standard 后面缺少取值（[^]*）$/, zhFix: /在选项后写上取值：-s, --standard <标准>（内置标准：changning-demo-street@2023、/, en: /^error: option --standard needs a value \([^]*\)$/, enFix: /write a value after the option: -s, --standard <ref> \(bundled standards: /, help: 'assess' },
  { args: ['schema', '--standard', ''], zh: /^错误: 选项 --standard 后面缺少取值/, zhFix: /例如 assess schema --standard /, en: /^error: option --standard needs a value/, enFix: /for example assess schema --standard /, help: 'assess schema' },
  { args: ['fixtures/changning-compliant.json', '--format=html', '--date='], zh: /^错误: 选项 --date 后面缺少取值/, zhFix: /在选项后写上取值：--date <YYYY-MM-DD>/, en: /^error: option --date needs a value/, enFix: /write a value after the option: --date <YYYY-MM-DD>/, help: 'assess' },
  { args: ['fixtures/changning-compliant.json', '--jobs', '0'], zh: /选项 --jobs 的取值 "0" 无效/, zhFix: /写一个正整数，例如 --jobs 2/, en: /option --jobs: "0" is not a valid value/, enFix: /a positive whole number, e\.g\. --jobs 2/, help: 'assess' },
  { args: ['fixtures/changning-compliant.json', '--output='], zh: /选项 --output 的取值 "" 无效/, zhFix: /--output 需要一个文件名/, en: /option --output: "" is not a valid value/, enFix: /--output needs a file name/, help: 'assess' },
  { args: ['fixtures/changning-compliant.json', '--format', 'xlsx'], zh: /--format xlsx 生成的是二进制文件/, zhFix: /加上 --output 文件名/, en: /--format xlsx writes a binary file/, enFix: /add --output <file>/, help: 'assess' },
  { args: ['fixtures/changning-compliant.json', '--by', 'responsible', '--format', 'junit'], zh: /--by responsible 没有 junit 格式/, zhFix: /改用 --format table、json、markdown/, en: /--by responsible has no junit format/, enFix: /use --format table, json, markdown/, help: 'assess' },
  { args: [], zh: /没有给出事实文件或数据包/, zhFix: /例如 assess fixtures\/changning-compliant\.json/, en: /no facts file or pack given/, enFix: /for example assess fixtures/, help: 'assess' },
  { args: ['stanards', 'list'], zh: /未知的命令 "stanards"/, zhFix: /是否应为 "standards"？/, en: /unknown command "stanards"/, enFix: /did you mean "standards"\?/, help: 'assess' },
];

describe('usage errors: exit 4, what, the fix, where the help is — in zh and en', () => {
  it.each(cases)('assess $args', async ({ args, zh, zhFix, en, enFix, help }) => {
    const z = await runInProcess(args);
    expect(z.code).toBe(4);
    expect(z.stdout).toBe('');
    const [what, fix, hint] = z.stderr.trimEnd().split('\n');
    expect(what).toMatch(/^错误: /);
    expect(what).toMatch(zh);
    expect(fix).toMatch(/^ {2}改为: /);
    expect(fix).toMatch(zhFix);
    expect(hint).toBe(`（运行 ${help} --help 查看用法）`);
    expect(z.stderr).not.toMatch(COMMANDER_ENGLISH);

    // English by the environment: `init --standard --lang en` would take --lang as the standard.
    const e = await inEnglish(() => runInProcess(args));
    expect(e.code).toBe(4);
    const [ewhat, efix, ehint] = e.stderr.trimEnd().split('\n');
    expect(ewhat).toMatch(/^error: /);
    expect(ewhat).toMatch(en);
    expect(efix).toMatch(/^ {2}fix: /);
    expect(efix).toMatch(enFix);
    expect(ehint).toBe(`(run ${help} --help for usage)`);
    expect(e.stderr).not.toMatch(/\p{Script=Han}/u);
  });

  it('assess x.json --standard --lang en: --lang is not the standard, the error is in English, nothing is read', async () => {
    const r = await runInProcess(['fixtures/changning-compliant.json', '--standard', '--lang', 'en']);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'error: option --standard needs a value (standard to assess against: id@version, id (latest) or a YAML file): the --lang after it is an option of its own, not its value',
        '  fix: write a value after the option: -s, --standard <ref> (bundled standards: changning-demo-street@2023, negative-list@2023, yangshi-demo-point@2022; assess standards list lists them)',
        '(run assess --help for usage)',
        '',
      ].join('\n'),
    );
  });

  it('a value written on purpose with = is kept, even one that starts with --', async () => {
    const r = await runInProcess(['fixtures/changning-compliant.json', '--format=html', '--issuer=--街道未保办--', '--date=2023-12-31']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--街道未保办--');
  });

  it('--lang en says it in English too', async () => {
    const r = await runInProcess(['init', '--lang', 'en']);
    expect(r.stderr).toMatch(/^error: required option --standard not given/);
  });

  // commander's message is read only for the name it quotes; these are the shapes it has (14.x).
  it.each([
    ['commander.unknownOption', "error: unknown option '--x'\n(Did you mean --y?)", /没有选项 --x/],
    ['commander.missingArgument', "error: missing required argument 'ref'", /缺少参数 <ref>/],
    ['commander.unknownCommand', "error: unknown command 'lsit'", /没有命令 "lsit"/],
  ])('reads the name out of %s', (code, message, words) => {
    const cmd = new Command('assess');
    cmd.command('list');
    expect(usageLines(new CommanderError(4, code, message), cmd, 'zh')[0]).toMatch(words);
  });
});

describe('help pages: every word from the catalogue, wrapped at 80 columns', () => {
  const pages = [[], ['standards'], ['standards', 'list'], ['standards', 'show'], ['standards', 'lint'], ['init'], ['schema'], ['diff']];
  it.each(pages)('assess %s --help', async (...page) => {
    const zh = await runInProcess([...page, '--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^用法：assess/);
    expect(zh.stdout).toMatch(/\n选项：\n/);
    expect(zh.stdout).toMatch(/\n示例：\n {2}\$ assess /);
    expect(zh.stdout).toMatch(/-h, --help +显示命令帮助/);
    expect(zh.stdout).not.toMatch(COMMANDER_ENGLISH);
    for (const line of zh.stdout.split('\n')) if (!line.startsWith('  $ ')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    // No line starts with a closing mark (，。、；：）): Chinese is broken where Chinese breaks.
    expect(zh.stdout).not.toMatch(/\n\s+[，。、；：）]/);

    const en = await runInProcess([...page, '--help', '--lang', 'en']);
    expect(en.stdout).toMatch(/^Usage: assess/);
    expect(en.stdout).toMatch(/\nExamples:\n {2}\$ assess /);
    expect(en.stdout).toMatch(/-h, --help +display help for command/);
  });

  it('the top page lists the exit codes and -V, --version in words', async () => {
    const zh = await runInProcess(['--help']);
    expect(zh.stdout).toMatch(/-V, --version +显示版本号/);
    expect(zh.stdout).toMatch(/\n退出码：\n {2}0 {4}达标/);
    expect(zh.stdout).toMatch(/（可选：table、json、markdown/);
    expect(zh.stdout).toMatch(/help \[命令\] +显示某个命令的帮助/);
  });

  it('assess help <command> is that command\'s page', async () => {
    const r = await runInProcess(['help', 'init']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法：assess init \[选项\]/);
  });
});
