import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { FORMAT_NAMES } from '../report/formats.js';
import type { Io } from './assess-command.js';
import { FAIL_ON } from './fail-on.js';
import { DIFF_FORMAT_NAMES } from '../diff/format/formats.js';
import { describeError, EXIT } from './exit.js';
import { outputArg, stdoutIsNoOutput } from './output-arg.js';
import type { Lang } from '../messages/types.js';

// Each command's module (and the libraries it needs: ajv, yaml, chalk …) is imported only when
// that command runs: a cold start pays for one command, not all of them.
const assessCommand = () => import('./assess-command.js');
const standardsCommand = () => import('./standards-command.js');
const initCommand = () => import('./init-command.js');
const diffCommand = () => import('./diff-command.js');

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const EXAMPLES = `
Examples:
  $ assess fixtures/changning-compliant.json
  $ assess area.yaml --standard yangshi-demo-point@2022 --negative-list negative-list@2023
  $ assess packs/*/ --format json --output report.json
  $ assess packs/ --format junit --output weibao-junit.xml     (each sub-directory a data pack)
  $ assess packs/ --fail-on veto --format github                (CI: annotate, fail only on a veto)
  $ assess packs/xinhua --baseline last-month.json --format markdown   (月报: change since last month)
  $ assess standards list

Exit codes:
  0  达标 (every applicable item met, no veto), or a command other than assessing succeeded
  1  不达标 (an item failed, or its facts are missing)
  2  否决 (a negative-list item is triggered)
  3  invalid input (a facts file, pack or standard can't be read, parsed or validated)
  4  usage error
  74 the report could not be written (full disk, device error)
  70 internal error (a bug: run again with --debug and report it)`;

/** Build the command line; every action returns its exit code into `result`. */
function program(io: Io, result: { code: number }): Command {
  const cmd = new Command('assess')
    .description('Score an area against 未成年人保护示范创建 standards (weibao).')
    .version(VERSION, '-V, --version')
    .argument('[inputs...]', 'facts files (JSON or YAML) or data pack directories')
    .option('-s, --standard <ref>', 'standard to assess against: id@version, id (latest) or a YAML file (default: the facts file\'s own "standard", else changning-demo-street)')
    .option('--negative-list <ref...>', 'apply a negative list (id@version) besides those the standard declares')
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMAT_NAMES).default('table'))
    .addOption(new Option('--lang <lang>', 'language of the report and messages').choices(['zh', 'en']).default(langOf([])))
    .addOption(new Option('--by <grouping>', 'print the 整改清单 instead: open items grouped by 责任单位 (by 项目 where a standard names none)').choices(['responsible']))
    .option('-o, --output <file>', 'write the report to a file (atomically; - for stdout) instead of stdout', outputArg)
    .option('--no-color', 'no ANSI colours (NO_COLOR is honoured too)')
    .option('--max-bytes <n>', 'largest input file accepted, in bytes', (v) => positiveInt(v, '--max-bytes'))
    .addOption(new Option('--fail-on <level>', 'what makes the exit code non-zero: fail = any item not met or facts missing (1) or a veto (2); missing = only an incomplete pack (facts missing, evidence not holding: 1) or a veto (2); veto = only a veto (2). Invalid input always exits 3').choices(FAIL_ON).default('fail'))
    .addOption(new Option('--evidence <mode>', 'data packs: strict = a met item whose evidence is missing, empty, outside the pack or altered is unsupported (not met); warn = only report it').choices(['strict', 'warn']).default('strict'))
    .option('--baseline <report.json>', 'a previous `--format json` report: show newly met, newly failed, still open and the score change per aspect')
    .option('--debug', 'print stack traces of errors')
    .option('--compact', '--format json without indentation (the same document, half the size)')
    .option('-j, --jobs <n>', 'worker threads assessing packs at once; the report is the same, in input order (default: the available CPU cores)', (v) => positiveInt(v, '--jobs'))
    .enablePositionalOptions()
    .hook('preAction', (_, action) => stdoutIsNoOutput(action))
    .showHelpAfterError('(run assess --help for usage)')
    .addHelpText('after', EXAMPLES)
    .action(async (inputs: string[], opts) => {
      if (!inputs.length) {
        io.stderr.write('error: no facts file or pack given\n(run assess --help for usage)\n');
        result.code = EXIT.usage;
        return;
      }
      result.code = await (await assessCommand()).runAssess(inputs, opts, io);
    });

  const standards = cmd.command('standards').description('list, show and lint standards');
  standards
    .command('list')
    .description('the bundled standards and their versions')
    .addOption(new Option('-f, --format <name>').choices(['table', 'json']).default('table'))
    .action(async (opts) => void (result.code = (await standardsCommand()).runList(opts.format, io)));
  standards
    .command('show')
    .description('a standard as data: items, rules, the facts they read')
    .argument('<ref>', 'id[@version] or a YAML file')
    .addOption(new Option('-f, --format <name>').choices(['table', 'json']).default('table'))
    .addHelpText('after', '\nExample:\n  $ assess standards show changning-demo-street@2023 --format json')
    .action(async (ref: string, opts) => void (result.code = (await standardsCommand()).runShow(ref, opts.format, io)));
  standards
    .command('lint')
    .description('check standard files: schema, unique ids, allowlisted operations, facts in the vocabulary')
    .argument('[files...]', 'standard YAML files (default: every bundled standard)')
    .addOption(new Option('-f, --format <name>').choices(['table', 'json']).default('table'))
    .addHelpText('after', '\nExample:\n  $ assess standards lint standards/changning-demo-street/2023.yaml')
    .action(async (files: string[], opts) => void (result.code = (await standardsCommand()).runLint(files, opts.format, io, cmd.opts().debug)));
  cmd
    .command('init')
    .description('print a commented facts template for a standard, to fill in')
    .requiredOption('-s, --standard <ref>', 'id@version or a YAML file')
    .option('--negative-list <ref...>', 'also ask for the facts of these negative lists')
    .addOption(new Option('-f, --format <name>').choices(['yaml', 'json', 'xlsx']).default('yaml'))
    .option('--schema <path-or-url>', 'where the template\'s $schema points (write it with `assess schema`)', './facts.schema.json')
    .option('-o, --output <file>', 'write the template to a file (needed for --format xlsx)')
    .addOption(new Option('--lang <lang>', 'language of the workbook\'s instructions').choices(['zh', 'en']).default('zh'))
    .addHelpText('after', '\nExample:\n  $ assess init --standard changning-demo-street@2023 > facts.yaml\n  $ assess init --standard changning-demo-street@2023 --format xlsx --output 台账.xlsx\n  $ assess schema --standard changning-demo-street@2023 > facts.schema.json')
    .action(async (opts) => void (result.code = await (await initCommand()).runInit(opts, io)));
  cmd
    .command('schema')
    .description('print the JSON Schema of a standard\'s facts file (for editors and other tools)')
    .requiredOption('-s, --standard <ref>', 'id@version or a YAML file')
    .option('--negative-list <ref...>', 'include the facts of these negative lists')
    .addHelpText('after', '\nExample:\n  $ assess schema --standard yangshi-demo-point@2022 > facts.schema.json')
    .action(async (opts) => void (result.code = (await initCommand()).runSchema(opts, io)));
  cmd
    .command('diff')
    .description('what changed between two standards (items matched by id), and with --facts what that does to an area')
    .argument('<a>', 'the old standard: id@version or a YAML file')
    .argument('<b>', 'the new standard: id@version or a YAML file')
    .option('--facts <file>', 'assess this facts file or data pack under both and show what changes for it')
    .addOption(new Option('-f, --format <name>', 'output format').choices(DIFF_FORMAT_NAMES).default('table'))
    .addOption(new Option('--lang <lang>', 'language of the report and messages').choices(['zh', 'en']).default(langOf([])))
    .option('--exit-code', 'exit 1 when the standards differ (otherwise diff exits 0)')
    .option('-o, --output <file>', 'write the report to a file (atomically; - for stdout) instead of stdout', outputArg)
    .option('--no-color', 'no ANSI colours (NO_COLOR is honoured too)')
    .addHelpText('after', `
Examples:
  $ assess diff yangshi-demo-point@2022 changning-demo-street@2023
  $ assess diff changning-demo-street@2023 fixtures/standards/changning-demo-street-2024-draft.yaml --format markdown
  $ assess diff changning-demo-street@2023 next.yaml --facts area.json     (what the new version does to this area)
  $ assess diff a.yaml b.yaml --exit-code --format json                    (CI: exit 1 when they differ)`)
    .action(async (a: string, b: string, opts) => void (result.code = await (await diffCommand()).runDiff(a, b, opts, io)));
  return cmd;
}

function positiveInt(v: string, name: string): number {
  const n = Number(v);
  // InvalidArgumentError: commander adds "option '--max-bytes <n>' argument '0' is invalid." itself;
  // a full CommanderError here had the reason printed after a second "error:".
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`${name} takes a positive whole number.`);
  return n;
}

/**
 * The language of what is printed: `--lang`, else WEIBAO_LANG, else zh. LANG is not read: a
 * server's or CI's LANG (often en_US.UTF-8 or C.UTF-8) is set by whoever set up the machine,
 * while the people who read weibao's reports read Chinese (README: Language).
 */
export function langOf(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  for (let i = argv.length - 1; i >= 0; i--) {
    const a = argv[i];
    if (a === '--') continue;
    if (a.startsWith('--lang=')) return a.slice(7) === 'en' ? 'en' : 'zh';
    if (a === '--lang' && i + 1 < argv.length) return argv[i + 1] === 'en' ? 'en' : 'zh';
  }
  return env.WEIBAO_LANG === 'en' ? 'en' : 'zh';
}

/** Run the CLI; resolves to the exit code instead of exiting, so tests and wrappers can call it. */
export async function main(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const result = { code: EXIT.pass as number };
  const cmd = program(io, result);
  const outputs = { writeOut: (s: string) => io.stdout.write(s), writeErr: (s: string) => io.stderr.write(s) };
  const applyOutput = (c: Command) => {
    c.exitOverride().configureOutput(outputs);
    c.commands.forEach(applyOutput);
  };
  applyOutput(cmd);
  try {
    await cmd.parseAsync(argv, { from: 'node' });
    return result.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.pass;
      return EXIT.usage;
    }
    const { lines, code } = describeError(e, argv.includes('--debug'), langOf(argv));
    io.stderr.write(lines.join('\n') + '\n');
    return code;
  }
}
