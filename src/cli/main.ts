import { existsSync, readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { FORMAT_NAMES } from '../report/formats.js';
import type { Io } from './assess-command.js';
import { FAIL_ON } from './fail-on.js';
import { DIFF_FORMAT_NAMES } from '../diff/format/formats.js';
import { describeError, EXIT } from './exit.js';
import { outputArg, stdoutIsNoOutput } from './output-arg.js';
import type { Lang } from '../messages/types.js';
import { t, type MessageId } from '../messages/catalogue.js';
import { editDistance } from '../facts/edit-distance.js';

// Each command's module (and the libraries it needs: ajv, yaml, chalk …) is imported only when
// that command runs: a cold start pays for one command, not all of them.
const assessCommand = () => import('./assess-command.js');
const standardsCommand = () => import('./standards-command.js');
const initCommand = () => import('./init-command.js');
const diffCommand = () => import('./diff-command.js');

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** `--help`'s closing text: examples (the same commands in both languages) and exit codes. */
function examples(lang: Lang, lines: [string, MessageId?][]): string {
  const width = Math.max(...lines.map(([c]) => c.length));
  const body = lines.map(([c, note]) => `  $ ${note ? `${c.padEnd(width)}   (${t(lang, note)})` : c}`);
  return `\n${t(lang, 'cli.examples')}:\n${body.join('\n')}`;
}

function exitCodes(lang: Lang): string {
  const codes = ['0', '1', '2', '3', '4', '74', '70'] as const;
  return `\n\n${t(lang, 'cli.exitCodes')}:\n${codes.map((c) => `  ${c.padEnd(3)}${t(lang, `cli.exit.${c}`)}`).join('\n')}`;
}

/** The commands, for did-you-mean (a subcommand's name is suggested with its parent). */
const COMMANDS = ['standards', 'init', 'schema', 'diff', 'help', 'standards list', 'standards show', 'standards lint'];

/** Build the command line in `lang`; every action returns its exit code into `result`. */
function program(io: Io, result: { code: number }, lang: Lang): Command {
  const usage = (command: string) => t(lang, 'cli.usageHint', { command });
  const langOption = () => new Option('--lang <lang>', t(lang, 'cli.opt.lang')).choices(['zh', 'en']).default(lang);
  const cmd = new Command('assess')
    .description(t(lang, 'cli.description'))
    .version(VERSION, '-V, --version', t(lang, 'cli.version'))
    .helpOption('-h, --help', t(lang, 'cli.help'))
    .helpCommand('help [command]', t(lang, 'cli.helpCommand'))
    .argument('[inputs...]', t(lang, 'cli.arg.inputs'))
    .option('-s, --standard <ref>', t(lang, 'cli.opt.standard'))
    .option('--negative-list <ref...>', t(lang, 'cli.opt.negativeList'))
    .addOption(new Option('-f, --format <name>', t(lang, 'cli.opt.format')).choices(FORMAT_NAMES).default('table'))
    .addOption(langOption())
    .addOption(new Option('--by <grouping>', t(lang, 'cli.opt.by')).choices(['responsible']))
    .option('-o, --output <file>', t(lang, 'cli.opt.output'), outputArg)
    .option('--no-color', t(lang, 'cli.opt.noColor'))
    .option('--max-bytes <n>', t(lang, 'cli.opt.maxBytes'), (v) => positiveInt(v, '--max-bytes'))
    .option('--max-evidence-bytes <n>', t(lang, 'io.opt.maxEvidenceBytes'), (v) => positiveInt(v, '--max-evidence-bytes'))
    .option('--max-evidence-total <n>', t(lang, 'io.opt.maxEvidenceTotal'), (v) => positiveInt(v, '--max-evidence-total'))
    .addOption(new Option('--fail-on <level>', t(lang, 'cli.opt.failOn')).choices(FAIL_ON).default('fail'))
    .addOption(new Option('--evidence <mode>', t(lang, 'cli.opt.evidence')).choices(['strict', 'warn']).default('strict'))
    .option('--baseline <report.json>', t(lang, 'cli.opt.baseline'))
    .option('--debug', t(lang, 'cli.opt.debug'))
    .option('--compact', t(lang, 'cli.opt.compact'))
    .option('-j, --jobs <n>', t(lang, 'cli.opt.jobs'), (v) => positiveInt(v, '--jobs'))
    .option('--issuer <name>', t(lang, 'pdf.opt.issuer'))
    .option('--date <YYYY-MM-DD>', t(lang, 'pdf.opt.date'))
    .option('--browser <path>', t(lang, 'pdf.opt.browser'))
    .enablePositionalOptions()
    .hook('preAction', (_, action) => stdoutIsNoOutput(action))
    .showHelpAfterError(usage('assess'))
    .addHelpText(
      'after',
      examples(lang, [
        ['assess fixtures/changning-compliant.json'],
        ['assess area.yaml --standard yangshi-demo-point@2022 --negative-list negative-list@2023'],
        ['assess packs/*/ --format json --output report.json'],
        ['assess packs/ --format junit --output weibao-junit.xml', 'cli.note.pack'],
        ['assess packs/ --fail-on veto --format github', 'cli.note.ci'],
        ['assess packs/xinhua --baseline last-month.json --format markdown', 'cli.note.monthly'],
        ['assess standards list'],
        ['assess help init'],
      ]) + exitCodes(lang),
    )
    .action(async (inputs: string[], opts) => {
      if (!inputs.length) {
        io.stderr.write(`${t(lang, 'input.label.error')}: ${t(lang, 'cli.noInputs')}\n${usage('assess')}\n`);
        result.code = EXIT.usage;
        return;
      }
      // `assess stanards list`: a word that names no file and is close to a command is a typo of
      // the command, not a missing facts file (exit 4 with the command meant, not exit 3).
      for (const input of inputs) {
        const near = /^[a-z][a-z-]{0,30}$/.test(input) && !existsSync(input) ? closestCommand(input) : undefined;
        if (near) {
          io.stderr.write(`${t(lang, 'input.label.error')}: ${t(lang, 'cli.unknownCommand', { name: input })}\n  ${t(lang, 'input.label.fix')}: ${t(lang, 'cli.didYouMean', { near })}\n${usage('assess')}\n`);
          result.code = EXIT.usage;
          return;
        }
      }
      result.code = await (await assessCommand()).runAssess(inputs, opts, io);
    });

  const sub = (parent: Command, name: string, description: MessageId) =>
    parent
      .command(name)
      .description(t(lang, description))
      .helpOption('-h, --help', t(lang, 'cli.help'))
      .showHelpAfterError(usage(parent === cmd ? `assess ${name}` : `assess ${parent.name()} ${name}`));
  const standards = sub(cmd, 'standards', 'cli.cmd.standards')
    .helpCommand('help [command]', t(lang, 'cli.helpCommand'))
    .addHelpText('after', examples(lang, [['assess standards list'], ['assess standards show changning-demo-street@2023'], ['assess standards lint my-standard.yaml']]));
  sub(standards, 'list', 'cli.cmd.list')
    .addOption(new Option('-f, --format <name>', t(lang, 'cli.opt.listFormat')).choices(['table', 'json']).default('table'))
    .addOption(langOption())
    .option('--no-color', t(lang, 'cli.opt.noColor'))
    .addHelpText('after', examples(lang, [['assess standards list'], ['assess standards list --format json']]))
    .action(async (opts) => void (result.code = (await standardsCommand()).runList(opts.format, io, opts.lang)));
  sub(standards, 'show', 'cli.cmd.show')
    .argument('<ref>', t(lang, 'cli.arg.showRef'))
    .addOption(new Option('-f, --format <name>', t(lang, 'cli.opt.listFormat')).choices(['table', 'json']).default('table'))
    .addOption(langOption())
    .option('--no-color', t(lang, 'cli.opt.noColor'))
    .addHelpText('after', examples(lang, [['assess standards show changning-demo-street@2023'], ['assess standards show changning-demo-street@2023 --format json']]))
    .action(async (ref: string, opts) => void (result.code = (await standardsCommand()).runShow(ref, opts.format, io, opts.lang)));
  sub(standards, 'lint', 'cli.cmd.lint')
    .argument('[files...]', t(lang, 'cli.arg.lintFiles'))
    .addOption(new Option('-f, --format <name>', t(lang, 'cli.opt.listFormat')).choices(['table', 'json']).default('table'))
    .addOption(langOption())
    .option('--no-color', t(lang, 'cli.opt.noColor'))
    .addHelpText('after', examples(lang, [['assess standards lint'], ['assess standards lint standards/changning-demo-street/2023.yaml']]))
    .action(async (files: string[], opts) => void (result.code = (await standardsCommand()).runLint(files, opts.format, io, cmd.opts().debug, opts.lang)));
  sub(cmd, 'init', 'cli.cmd.init')
    .requiredOption('-s, --standard <ref>', t(lang, 'cli.opt.ref'))
    .option('--negative-list <ref...>', t(lang, 'cli.opt.initNegative'))
    .addOption(new Option('-f, --format <name>', t(lang, 'cli.opt.initFormat')).choices(['yaml', 'json', 'xlsx']).default('yaml'))
    .option('--schema <path-or-url>', t(lang, 'cli.opt.schemaRef'), './facts.schema.json')
    .option('-o, --output <file>', t(lang, 'cli.opt.initOutput'))
    .addOption(langOption())
    .option('--no-color', t(lang, 'cli.opt.noColor'))
    .addHelpText(
      'after',
      examples(lang, [
        ['assess init --standard changning-demo-street@2023 > facts.yaml'],
        ['assess init --standard changning-demo-street@2023 --format json > facts.json'],
        [`assess init --standard changning-demo-street@2023 --format xlsx --output ${t(lang, 'cli.ledgerFile')}`],
        ['assess schema --standard changning-demo-street@2023 > facts.schema.json'],
      ]),
    )
    .action(async (opts) => void (result.code = await (await initCommand()).runInit(opts, io)));
  sub(cmd, 'schema', 'cli.cmd.schema')
    .requiredOption('-s, --standard <ref>', t(lang, 'cli.opt.ref'))
    .option('--negative-list <ref...>', t(lang, 'cli.opt.initNegative'))
    .addOption(langOption())
    .option('--no-color', t(lang, 'cli.opt.noColor'))
    .addHelpText('after', examples(lang, [['assess schema --standard yangshi-demo-point@2022 > facts.schema.json']]))
    .action(async (opts) => void (result.code = (await initCommand()).runSchema(opts, io)));
  sub(cmd, 'diff', 'cli.cmd.diff')
    .argument('<a>', t(lang, 'cli.arg.diffA'))
    .argument('<b>', t(lang, 'cli.arg.diffB'))
    .option('--facts <file>', t(lang, 'cli.opt.facts'))
    .addOption(new Option('-f, --format <name>', t(lang, 'cli.opt.format')).choices(DIFF_FORMAT_NAMES).default('table'))
    .addOption(langOption())
    .option('--exit-code', t(lang, 'cli.opt.exitCode'))
    .option('-o, --output <file>', t(lang, 'cli.opt.output'), outputArg)
    .option('--no-color', t(lang, 'cli.opt.noColor'))
    .addHelpText(
      'after',
      examples(lang, [
        ['assess diff yangshi-demo-point@2022 changning-demo-street@2023'],
        ['assess diff changning-demo-street@2023 fixtures/standards/changning-demo-street-2024-draft.yaml --format markdown'],
        ['assess diff changning-demo-street@2023 next.yaml --facts area.json', 'cli.note.impact'],
        ['assess diff a.yaml b.yaml --exit-code --format json', 'cli.note.ciDiff'],
      ]),
    )
    .action(async (a: string, b: string, opts) => void (result.code = await (await diffCommand()).runDiff(a, b, opts, io)));
  return cmd;
}

/** The command a mistyped word most likely meant (edit distance ≤ 2), if any. */
function closestCommand(word: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of COMMANDS) {
    const last = c.split(' ').pop()!;
    const d = editDistance(word, last);
    if (d < bestDistance) (best = c), (bestDistance = d);
  }
  return best;
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
  const cmd = program(io, result, langOf(argv));
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
