import { existsSync, readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { FORMAT_NAMES } from '../report/formats.js';
import type { Io } from './assess-command.js';
import { FAIL_ON } from './fail-on.js';
import { DIFF_FORMAT_NAMES } from '../diff/format/formats.js';
import { describeError, EXIT, say } from './exit.js';
import { helpIn, refuseOptionsAsValues, usageLines } from './commander-words.js';
import { breakLines } from '../text/line-break.js';
import { outputArg, stdoutIsNoOutput } from './output-arg.js';
import type { Lang } from '../messages/types.js';
import { t, type MessageId } from '../messages/catalogue.js';
import { editDistance } from '../text/edit-distance.js';
import { DEFAULT_LIMITS } from '../source/types.js';
import { DEFAULT_EVIDENCE_LIMITS } from '../source/pack.js';
import { bytesInWords } from '../messages/errno.js';

// Each command's module (and the libraries it needs: ajv, yaml, chalk …) is imported only when
// that command runs: a cold start pays for one command, not all of them.
const assessCommand = () => import('./assess-command.js');
const standardsCommand = () => import('./standards-command.js');
const initCommand = () => import('./init-command.js');
const diffCommand = () => import('./diff-command.js');

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** An example: the command, and what it is for (a note, shown as a comment above it). */
type Example = [command: string, note?: MessageId];

/** `--help`'s closing text: examples (the same commands in both languages, notes translated). */
function examples(lang: Lang, lines: Example[]): string {
  const body = lines.flatMap(([c, note]) => [...(note ? [`  # ${t(lang, note)}`] : []), `  $ ${c}`]);
  return `\n${t(lang, 'cli.examples')}\n${body.join('\n')}`;
}

/** The exit codes, each wrapped at 80 columns under its own indent. */
function exitCodes(lang: Lang): string {
  const codes = ['0', '1', '2', '3', '4', '74', '70'] as const;
  const rows = codes.map((c) => breakLines(t(lang, `cli.exit.${c}`), 80 - 7).map((line, i) => `  ${(i ? '' : c).padEnd(5)}${line}`).join('\n'));
  return `\n${t(lang, 'cli.exitCodes')}\n${rows.join('\n')}`;
}

/** The commands, for did-you-mean (a subcommand's name is suggested with its parent). */
const COMMANDS = ['standards', 'init', 'schema', 'diff', 'help', 'standards list', 'standards show', 'standards lint'];

/** Build the command line in `lang`; every action returns its exit code into `result`. */
function program(io: Io, result: { code: number }, lang: Lang, shown: Map<Command, Example[]>): Command {
  const usage = (command: string) => t(lang, 'cli.usageHint', { command });
  // Option placeholders in the reader's words (`--standard <标准>`); a variadic one keeps a Latin
  // letter before its "..." (commander recognises `\w...>` only).
  const ph = (name: string) => say(lang, `cli.ph.${name}`);
  const langOption = () => new Option(`--lang <${ph('lang')}>`, t(lang, 'cli.opt.lang')).choices(['zh', 'en']).default(lang, t(lang, 'cli.opt.langDefault'));
  // A limit's help says its default (the value assess-command falls back to when the option is absent).
  const limit = (flags: string, description: string, byDefault: string) => new Option(flags, description).argParser(positiveInt).default(undefined, byDefault);
  // Help's closing texts are made when help is shown, not on every run (a batch never shows them).
  const withExamples = (c: Command, lines: Example[]) => (shown.set(c, lines), c.addHelpText('after', () => examples(lang, lines)));
  const cmd = new Command('assess')
    .description(t(lang, 'cli.description'))
    .version(VERSION, '-V, --version', t(lang, 'cli.version'))
    .helpOption('-h, --help', t(lang, 'cli.help'))
    .helpCommand(`help [${ph('command')}]`, t(lang, 'cli.helpCommand'))
    .argument(`[${ph('inputs')}]`, t(lang, 'cli.arg.inputs'))
    .option(`-s, --standard <${ph('ref')}>`, t(lang, 'cli.opt.standard'))
    .option(`--negative-list <${ph('lists')}>`, t(lang, 'cli.opt.negativeList'))
    .addOption(new Option(`-f, --format <${ph('format')}>`, t(lang, 'cli.opt.format')).choices(FORMAT_NAMES).default('table'))
    .addOption(langOption())
    .addOption(new Option(`--by <${ph('grouping')}>`, t(lang, 'cli.opt.by')).choices(['responsible']))
    .option(`-o, --output <${ph('file')}>`, t(lang, 'cli.opt.output'), outputArg)
    .option('--no-color', t(lang, 'cli.opt.noColor'))
    .addOption(limit(`--max-bytes <${ph('n')}>`, t(lang, 'cli.opt.maxBytes'), bytesInWords(DEFAULT_LIMITS.maxBytes)))
    .addOption(limit(`--max-keys <${ph('n')}>`, t(lang, 'io.opt.maxKeys'), String(DEFAULT_LIMITS.maxKeys)))
    .addOption(limit(`--max-evidence-bytes <${ph('n')}>`, t(lang, 'io.opt.maxEvidenceBytes'), bytesInWords(DEFAULT_EVIDENCE_LIMITS.maxFileBytes)))
    .addOption(limit(`--max-evidence-total <${ph('n')}>`, t(lang, 'io.opt.maxEvidenceTotal'), bytesInWords(DEFAULT_EVIDENCE_LIMITS.maxPackBytes)))
    .addOption(new Option(`--fail-on <${ph('level')}>`, t(lang, 'cli.opt.failOn')).choices(FAIL_ON).default('fail'))
    .addOption(new Option(`--evidence <${ph('mode')}>`, t(lang, 'cli.opt.evidence')).choices(['strict', 'warn']).default('strict'))
    .option(`--baseline <${ph('baseline')}>`, t(lang, 'cli.opt.baseline'))
    .option('--debug', t(lang, 'cli.opt.debug'))
    .option('--compact', t(lang, 'cli.opt.compact'))
    .addOption(limit(`-j, --jobs <${ph('n')}>`, t(lang, 'cli.opt.jobs'), t(lang, 'cli.opt.jobsDefault')))
    .option(`--issuer <${ph('name')}>`, t(lang, 'pdf.opt.issuer'))
    .option(`--date <${ph('date')}>`, t(lang, 'pdf.opt.date'))
    .option(`--browser <${ph('path')}>`, t(lang, 'pdf.opt.browser'))
    .enablePositionalOptions()
    .hook('preAction', (_, action) => stdoutIsNoOutput(action))
    .action(async (inputs: string[], opts) => {
      if (!inputs.length) {
        io.stderr.write(`${t(lang, 'input.label.error')}: ${t(lang, 'cli.noInputs')}\n  ${t(lang, 'input.label.fix')}: ${t(lang, 'cli.fix.example', { example: 'assess fixtures/changning-compliant.json' })}\n${usage('assess')}\n`);
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
  withExamples(cmd, [
    ['assess fixtures/changning-compliant.json'],
    ['assess area.yaml --standard yangshi-demo-point@2022 --negative-list negative-list@2023'],
    ['assess packs/*/ --format json --output report.json'],
    ['assess packs/ --format junit --output weibao-junit.xml', 'cli.note.pack'],
    ['assess packs/ --fail-on veto --format github', 'cli.note.ci'],
    ['assess packs/xinhua --baseline last-month.json --format markdown', 'cli.note.monthly'],
    ['assess standards list'],
    ['assess help init'],
  ]).addHelpText('after', () => exitCodes(lang));

  const sub = (parent: Command, name: string, description: MessageId) =>
    parent
      .command(name)
      .description(t(lang, description))
      .helpOption('-h, --help', t(lang, 'cli.help'));
  const formatOption = (help: MessageId, choices: readonly string[], fallback: string) => new Option(`-f, --format <${ph('format')}>`, t(lang, help)).choices(choices).default(fallback);
  const standards = sub(cmd, 'standards', 'cli.cmd.standards').helpCommand(`help [${ph('command')}]`, t(lang, 'cli.helpCommand'));
  withExamples(standards, [['assess standards list'], ['assess standards show changning-demo-street@2023'], ['assess standards lint my-standard.yaml']]);
  const list = sub(standards, 'list', 'cli.cmd.list')
    .addOption(formatOption('cli.opt.listFormat', ['table', 'json'], 'table'))
    .addOption(langOption())
    .option('--no-color', t(lang, 'cli.opt.noColor'))
    .action(async (opts) => void (result.code = (await standardsCommand()).runList(opts.format, io, opts.lang)));
  withExamples(list, [['assess standards list'], ['assess standards list --format json']]);
  const show = sub(standards, 'show', 'cli.cmd.show')
    .argument(`<${ph('ref')}>`, t(lang, 'cli.arg.showRef'))
    .addOption(formatOption('cli.opt.listFormat', ['table', 'json'], 'table'))
    .addOption(langOption())
    .option('--no-color', t(lang, 'cli.opt.noColor'))
    .action(async (ref: string, opts) => void (result.code = (await standardsCommand()).runShow(ref, opts.format, io, opts.lang)));
  withExamples(show, [['assess standards show changning-demo-street@2023'], ['assess standards show changning-demo-street@2023 --format json']]);
  const lint = sub(standards, 'lint', 'cli.cmd.lint')
    .argument(`[${ph('files')}]`, t(lang, 'cli.arg.lintFiles'))
    .addOption(formatOption('cli.opt.listFormat', ['table', 'json'], 'table'))
    .addOption(langOption())
    .option('--no-color', t(lang, 'cli.opt.noColor'))
    .action(async (files: string[], opts) => void (result.code = (await standardsCommand()).runLint(files, opts.format, io, cmd.opts().debug, opts.lang)));
  withExamples(lint, [['assess standards lint'], ['assess standards lint standards/changning-demo-street/2023.yaml']]);
  const init = sub(cmd, 'init', 'cli.cmd.init')
    .requiredOption(`-s, --standard <${ph('ref')}>`, t(lang, 'cli.opt.ref'))
    .option(`--negative-list <${ph('lists')}>`, t(lang, 'cli.opt.initNegative'))
    .addOption(formatOption('cli.opt.initFormat', ['yaml', 'json', 'xlsx'], 'yaml'))
    .option(`--schema <${ph('schema')}>`, t(lang, 'cli.opt.schemaRef'), './facts.schema.json')
    .option(`-o, --output <${ph('file')}>`, t(lang, 'cli.opt.initOutput'), outputArg)
    .addOption(langOption())
    .option('--no-color', t(lang, 'cli.opt.noColor'))
    .hook('preAction', (_, action) => stdoutIsNoOutput(action))
    .action(async (opts) => void (result.code = await (await initCommand()).runInit(opts, io)));
  withExamples(init, [
    ['assess init --standard changning-demo-street@2023 > facts.yaml'],
    ['assess init --standard changning-demo-street@2023 --format json > facts.json'],
    [`assess init --standard changning-demo-street@2023 --format xlsx --output ${t(lang, 'cli.ledgerFile')}`],
    ['assess schema --standard changning-demo-street@2023 > facts.schema.json'],
  ]);
  const schema = sub(cmd, 'schema', 'cli.cmd.schema')
    .requiredOption(`-s, --standard <${ph('ref')}>`, t(lang, 'cli.opt.ref'))
    .option(`--negative-list <${ph('lists')}>`, t(lang, 'cli.opt.initNegative'))
    .addOption(langOption())
    .option('--no-color', t(lang, 'cli.opt.noColor'))
    .action(async (opts) => void (result.code = (await initCommand()).runSchema(opts, io)));
  withExamples(schema, [['assess schema --standard yangshi-demo-point@2022 > facts.schema.json']]);
  const diff = sub(cmd, 'diff', 'cli.cmd.diff')
    .argument(`<${ph('a')}>`, t(lang, 'cli.arg.diffA'))
    .argument(`<${ph('b')}>`, t(lang, 'cli.arg.diffB'))
    .option(`--facts <${ph('file')}>`, t(lang, 'cli.opt.facts'))
    .addOption(formatOption('cli.opt.format', DIFF_FORMAT_NAMES, 'table'))
    .addOption(langOption())
    .option('--exit-code', t(lang, 'cli.opt.exitCode'))
    .option(`-o, --output <${ph('file')}>`, t(lang, 'cli.opt.output'), outputArg)
    .option('--no-color', t(lang, 'cli.opt.noColor'))
    .action(async (a: string, b: string, opts) => void (result.code = await (await diffCommand()).runDiff(a, b, opts, io)));
  withExamples(diff, [
    ['assess diff yangshi-demo-point@2022 changning-demo-street@2023'],
    ['assess diff changning-demo-street@2023 fixtures/standards/changning-demo-street-2024-draft.yaml --format markdown'],
    ['assess diff changning-demo-street@2023 next.yaml --facts area.json', 'cli.note.impact'],
    ['assess diff a.yaml b.yaml --exit-code --format json', 'cli.note.ciDiff'],
  ]);
  return cmd;
}

/**
 * `assess help stanards`: commander shows the top help page and exits 0 for a topic it doesn't
 * know; it is a usage error like `assess stanards` (exit 4, with the command meant).
 */
function unknownHelpTopic(root: Command, args: string[]): { command: Command; name: string } | undefined {
  let at = root;
  for (let i = 0; i < args.length && !args[i].startsWith('-'); i++) {
    if (args[i] === 'help' && at.commands.length) {
      const topic = args[i + 1];
      if (topic === undefined || topic.startsWith('-')) return undefined;
      return at.commands.some((c) => c.name() === topic) ? undefined : { command: at, name: topic };
    }
    const next = at.commands.find((c) => c.name() === args[i]);
    if (!next) return undefined;
    at = next;
  }
  return undefined;
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

function positiveInt(v: string): number {
  const n = Number(v);
  // The reason is a catalogue id: commander puts it after "option '…' argument '0' is invalid.",
  // and commander-words.ts says the whole in the user's language (with the option's name).
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('cli.fix.positiveInt');
  return n;
}

/**
 * The language of what is printed: `--lang`, else WEIBAO_LANG, else zh. LANG is not read: a
 * server's or CI's LANG (often en_US.UTF-8 or C.UTF-8) is set by whoever set up the machine,
 * while the people who read weibao's reports read Chinese (README: Language).
 */
export function langOf(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  // A --lang that names no language (`--lang fr`) is refused as a usage error, said in the
  // language the environment asks for.
  const known = (v: string | undefined): v is Lang => v === 'zh' || v === 'en';
  for (let i = argv.length - 1; i >= 0; i--) {
    const a = argv[i];
    if (a === '--') continue;
    if (a.startsWith('--lang=') && known(a.slice(7))) return a.slice(7) as Lang;
    if (a === '--lang' && known(argv[i + 1])) return argv[i + 1] as Lang;
  }
  return env.WEIBAO_LANG === 'en' ? 'en' : 'zh';
}

/**
 * The bundled standards (`changning-demo-street@2023` …), for the fix of a --standard given
 * without a value: what to type, not only where to look. Read only on that error's path.
 */
async function bundledRefs(e: CommanderError): Promise<string[]> {
  if (e.code !== 'commander.optionMissingArgument' && e.code !== 'commander.missingMandatoryOptionValue') return [];
  try {
    const { listBundled } = await import('../standard/registry.js');
    return listBundled().map((s) => `${s.id}@${s.version}`);
  } catch {
    return []; // no standards directory: the fix names `assess standards list` alone
  }
}

/** Run the CLI; resolves to the exit code instead of exiting, so tests and wrappers can call it. */
export async function main(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const result = { code: EXIT.pass as number };
  const lang = langOf(argv);
  const shown = new Map<Command, Example[]>();
  const cmd = program(io, result, lang, shown);
  // commander's help in our words, at the terminal's width (80 in a pipe); its errors never
  // printed by commander: exitOverride hands each here with the command it happened on.
  const width = (s: NodeJS.WriteStream) => (s.isTTY && s.columns ? Math.min(Math.max(s.columns, 60), 100) : 80);
  const outputs = {
    writeOut: (s: string) => io.stdout.write(s),
    writeErr: (s: string) => io.stderr.write(s),
    outputError: () => undefined,
    getOutHelpWidth: () => width(io.stdout),
    getErrHelpWidth: () => width(io.stderr),
  };
  const help = helpIn(lang);
  let failed: { error: CommanderError; command: Command } | undefined;
  const applyOutput = (c: Command) => {
    c.exitOverride((error) => {
      failed ??= { error, command: c };
      throw error;
    })
      .configureOutput(outputs)
      .configureHelp(help);
    c.commands.forEach(applyOutput);
  };
  applyOutput(cmd);
  refuseOptionsAsValues(cmd, argv);
  const helpFor = unknownHelpTopic(cmd, argv.slice(2));
  if (helpFor) {
    io.stderr.write(usageLines(new CommanderError(EXIT.usage, 'commander.unknownCommand', `error: unknown command '${helpFor.name}'`), helpFor.command, lang).join('\n') + '\n');
    return EXIT.usage;
  }
  try {
    await cmd.parseAsync(argv, { from: 'node' });
    return result.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.pass;
      const command = failed?.error === e ? failed.command : cmd;
      io.stderr.write(usageLines(e, command, lang, shown.get(command)?.[0]?.[0], await bundledRefs(e)).join('\n') + '\n');
      return EXIT.usage;
    }
    const { lines, code } = describeError(e, argv.includes('--debug'), lang);
    io.stderr.write(lines.join('\n') + '\n');
    return code;
  }
}
