import { Help, type Argument, type Command, type CommanderError, type Option } from 'commander';
import { editDistance } from '../text/edit-distance.js';
import { t, type MessageId } from '../messages/catalogue.js';
import type { Lang } from '../messages/types.js';
import { displayWidth } from '../report/width.js';
import { breakLines } from '../text/line-break.js';
import { EXIT, say } from './exit.js';

/**
 * commander's own words, in the catalogue's language. commander prints English of its own in two
 * places: the help page (titles, `(choices: …, default: …)`, the usage line) and its usage errors.
 * The help page is re-worded through `configureHelp` (the hooks commander offers for that); the
 * errors are never printed by commander (`configureOutput`'s outputError is silent, and
 * `exitOverride` hands the error here) but re-said from its code and the command it happened on,
 * each with what to type instead. commander's message is read only for the name it quotes
 * (`'--bogus'`), a shape test/cli/commander-words.test.ts pins for every code we translate.
 */

const TITLES: Record<string, MessageId> = {
  'Usage:': 'cli.title.usage',
  'Arguments:': 'cli.title.arguments',
  'Options:': 'cli.title.options',
  'Global Options:': 'cli.title.globalOptions',
  'Commands:': 'cli.title.commands',
};

/** The help page in `lang`: commander's layout, our words, wrapped at display width (汉字 take two columns). */
export function helpIn(lang: Lang): Partial<Help> {
  // A default described as '' is not shown; one described in words is, even where its value is
  // decided later (--jobs: the cores; --max-bytes: the library's limit).
  const extra = (choices: readonly string[] | undefined, defaultValue: unknown, show: boolean, described?: string): string => {
    const parts: string[] = [];
    if (choices) parts.push(t(lang, 'cli.help.choices', { choices: [...choices] }));
    if (show && (defaultValue !== undefined || described) && described !== '') parts.push(t(lang, 'cli.help.default', { value: described ?? String(defaultValue) }));
    return parts.length ? t(lang, 'cli.help.extra', { parts }) : '';
  };
  const join = (description: string, more: string) => (more ? (description ? `${description}${lang === 'zh' ? '' : ' '}${more}` : more) : description);
  return {
    styleTitle: (title: string) => (TITLES[title] ? t(lang, TITLES[title]) : title),
    optionDescription(option: Option): string {
      // As commander: a default is shown for options that take a value (not for --no-color's true).
      return join(option.description, extra(option.argChoices, option.defaultValue, option.required || option.optional, option.defaultValueDescription));
    },
    argumentDescription(argument: Argument): string {
      return join(argument.description, extra(argument.argChoices, argument.defaultValue, true, argument.defaultValueDescription));
    },
    formatHelp(cmd: Command, helper: Help): string {
      // "用法： assess": commander puts a space after the title, a full-width colon needs none.
      return Help.prototype.formatHelp.call(this, cmd, helper).replace(/^(\S+：) /, '$1');
    },
    subcommandTerm(cmd: Command): string {
      return Help.prototype.subcommandTerm.call(this, cmd).replace('[options]', t(lang, 'cli.usage.options'));
    },
    commandUsage(cmd: Command): string {
      const usage = Help.prototype.commandUsage.call(this, cmd);
      return usage.replace('[options]', t(lang, 'cli.usage.options')).replace(/\[command\](?= |$)/, t(lang, 'cli.usage.command'));
    },
    displayWidth: (s: string) => displayWidth(s.replace(/\x1b\[[0-9;]*m/g, '')),
    // commander wraps at spaces only, and counts a 汉字 as one column: a Chinese description
    // would run on past the terminal's edge. Chinese breaks between any two characters.
    boxWrap(str: string, width: number): string {
      if (width < 40) return str;
      return str
        .split(/\r?\n/)
        .map((line) => (line ? breakLines(line, width).join('\n') : ''))
        .join('\n');
    },
  };
}

/** `assess standards show`: the words a user types to reach `cmd`. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** The first '…'-quoted name in commander's message (the flag, argument or command it is about). */
function quoted(message: string): string | undefined {
  return /'([^']*)'/.exec(message)?.[1];
}

/** The long flag of an option (`--standard`), the one a user reads and types. */
const flagOf = (o: Option) => o.long ?? o.short ?? o.flags;

function optionByFlags(cmd: Command, flags: string | undefined): Option | undefined {
  for (let c: Command | null = cmd; c; c = c.parent) {
    const o = c.options.find((x) => x.flags === flags);
    if (o) return o;
  }
  return undefined;
}

/**
 * The closest of `names` to `word` (edit distance ≤ 2, or a prefix), for did-you-mean. A word
 * that would have to change wholly is no typo of anything (`--lang fr` is not "zh" mistyped).
 */
export function closest(word: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.min(3, word.length);
  for (const name of names) {
    const d = name.startsWith(word) && word.length >= 3 ? 1 : editDistance(word, name);
    if (d < bestDistance) (best = name), (bestDistance = d);
  }
  return best;
}

/**
 * `assess x.json --standard --lang en`: commander takes the word after an option that needs a
 * value as that value whatever it is, so the standard would be "--lang" (and "en" a facts file).
 * A word typed after the option that is itself an option (`--lang`, `--`, or a short flag like
 * `-f`) means the value was left out: the usage error for a missing value, naming the option and
 * the word. Installed on every option of `cmd` and its subcommands that takes a value, around
 * the option's own parser (a choice, a number, a file name). The `--output=--x` form is a value
 * the user wrote on purpose and is kept (as argparse does); only a separate word is refused.
 */
export function refuseOptionsAsValues(cmd: Command, argv: readonly string[]): void {
  for (const option of cmd.options) {
    if (!option.required) continue;
    // commander's own handling where an option has no parser: a variadic one (`--negative-list
    // <ref...>`) gathers its values in a list (a fresh one over its default), any other keeps the word.
    const own = option.parseArg;
    const parse = own ?? (option.variadic ? (value: string, previous: unknown) => (Array.isArray(previous) && previous !== option.defaultValue ? [...previous, value] : [value]) : (value: string) => value);
    const typedAfter = (value: string) => argv.some((a, i) => (a === option.long || a === option.short) && argv[i + 1] === value);
    option.argParser((value: string, previous: unknown) => {
      if (isOptionWord(value) && typedAfter(value)) cmd.error(`error: option '${option.flags}' argument missing ('${value}' is an option)`, { code: 'commander.optionMissingArgument', exitCode: EXIT.usage });
      // `--standard=` or `--standard ""` (a variable that expanded to nothing) for an option that
      // would keep the word as it is: "needs a value" says what to type, where 'no standard named ""'
      // would not. An option with a parser of its own (a choice, a number, --output) says why itself.
      if (value === '' && !own) cmd.error(`error: option '${option.flags}' argument missing`, { code: 'commander.optionMissingArgument', exitCode: EXIT.usage });
      return parse(value, previous);
    });
  }
  for (const sub of cmd.commands) refuseOptionsAsValues(sub, argv);
}

/** `--lang`, `--`, `-f`: an option, not a value (`-` is standard input, `-1` a number). */
const isOptionWord = (word: string) => word.startsWith('--') || /^-[A-Za-z]$/.test(word);

/**
 * A usage error commander found, in `lang`: what is wrong, on a line of its own what to type
 * instead, and where the command's help is. `example` is the command's first example (the fix
 * for a missing argument or option); `standards` the bundled standards' refs, named in the fix
 * for a missing --standard.
 */
export function usageLines(err: CommanderError, cmd: Command, lang: Lang, example?: string, standards: readonly string[] = []): string[] {
  const path = commandPath(cmd);
  const name = quoted(err.message);
  const error = (text: string) => `${t(lang, 'input.label.error')}: ${text}`;
  const fix = (text: string) => `  ${t(lang, 'input.label.fix')}: ${text}`;
  const forExample = example ? t(lang, 'cli.fix.example', { example }) : '';
  const lines = ((): string[] => {
    switch (err.code) {
      case 'commander.unknownOption': {
        const flag = name ?? '';
        const flags: string[] = [];
        // Options of this command, and of its parents where they reach it (not past positional options).
        for (let c: Command | null = cmd; c; c = c.parent) {
          flags.push(...c.options.filter((o) => !o.hidden && o.long).map((o) => o.long!));
          if ((c as unknown as { _enablePositionalOptions?: boolean })._enablePositionalOptions) break;
        }
        flags.push('--help');
        const near = flag.startsWith('--') ? closest(flag, flags) : undefined;
        return [error(t(lang, 'cli.err.unknownOption', { flag, command: path })), fix(near ? t(lang, 'cli.didYouMean', { near }) : t(lang, 'cli.fix.seeOptions', { command: path }))];
      }
      case 'commander.unknownCommand': {
        const names = cmd.commands.map((c) => c.name());
        const near = name ? closest(name, names) : undefined;
        return [
          error(t(lang, 'cli.err.unknownSubcommand', { name: name ?? '', command: path })),
          fix(near ? t(lang, 'cli.didYouMean', { near: `${path} ${near}` }) : t(lang, 'cli.fix.commands', { commands: names.map((n) => `${path} ${n}`) })),
        ];
      }
      case 'commander.missingArgument': {
        const argument = cmd.registeredArguments.find((a) => a.name() === name);
        return [error(t(lang, 'cli.err.missingArgument', { name: name ?? '', description: argument?.description ?? '' })), ...(forExample ? [fix(forExample)] : [])];
      }
      case 'commander.optionMissingArgument': {
        const option = optionByFlags(cmd, name);
        const flag = option ? flagOf(option) : name ?? '';
        // The word refuseOptionsAsValues found where the value should be (`--lang`), if that is why.
        const next = /\('([^]*)' is an option\)$/.exec(err.message)?.[1];
        const took = next === undefined || next === '--' ? '' : t(lang, 'cli.err.optionTookOption', { next });
        return [error(t(lang, 'cli.err.optionMissingValue', { flag, description: withoutDefault(option?.description ?? '') }) + took), fix(choicesOrExample(lang, option, example) + bundled(lang, flag, standards))];
      }
      case 'commander.missingMandatoryOptionValue': {
        const option = optionByFlags(cmd, name);
        const flag = option ? flagOf(option) : name ?? '';
        return [error(t(lang, 'cli.err.missingOption', { flag, description: withoutDefault(option?.description ?? '') })), fix(choicesOrExample(lang, option, example) + bundled(lang, flag, standards))];
      }
      case 'commander.invalidArgument': {
        // "error: option '<flags>' argument '<value>' is invalid. <reason>": the reason is commander's
        // "Allowed choices are …" or the catalogue id one of our parsers threw (main.ts, output-arg.ts).
        const m = /option '(.+?)' argument '([^]*?)' is invalid\. ([^]*)$/.exec(err.message);
        const option = optionByFlags(cmd, m?.[1]);
        if (!m || !option) break;
        const flag = flagOf(option);
        const value = m[2];
        const reason = m[3].trim();
        if (option.argChoices) {
          const near = closest(value, option.argChoices);
          return [error(t(lang, 'cli.err.badChoice', { flag, value })), fix(near ? t(lang, 'cli.didYouMean', { near: `${flag} ${near}` }) : t(lang, 'cli.fix.choices', { choices: [...option.argChoices] }))];
        }
        return [error(t(lang, 'cli.err.badValue', { flag, value })), fix(say(lang, reason, { flag }))];
      }
      case 'commander.excessArguments': {
        const extra = cmd.args.slice(cmd.registeredArguments.length);
        return [error(t(lang, 'cli.err.excessArguments', { command: path, args: extra, expected: cmd.registeredArguments.length })), fix(t(lang, 'cli.fix.excessArguments'))];
      }
    }
    // A code not translated above (none of our commands can raise one today): commander's own words.
    return [error(err.message.replace(/^error: /, ''))];
  })();
  return [...lines, t(lang, 'cli.usageHint', { command: path })];
}

/** For an option that names a standard: the bundled ones, and the command that lists them. */
function bundled(lang: Lang, flag: string, refs: readonly string[]): string {
  return /standard/.test(flag) ? t(lang, 'cli.fix.listStandards', { refs: [...refs] }) : '';
}

/** An option's description without what it defaults to: beside "needs a value" the default is beside the point. */
function withoutDefault(description: string): string {
  // "（默认：…）" at the end goes whole; "（- 表示打印到屏幕；默认：打印到屏幕）" keeps what precedes the default.
  return description.replace(/\s*[（(](默认：|default: )[^]*[）)]$/, '').replace(/[；;]\s*(默认：|default: )[^（）()]*(?=[）)]$)/, '');
}

/** What to type for an option that needs a value: one of its choices, or the command's example. */
function choicesOrExample(lang: Lang, option: Option | undefined, example: string | undefined): string {
  if (option?.argChoices) return t(lang, 'cli.fix.choices', { choices: [...option.argChoices] });
  const flagged = example && option ? example.split(' ').includes(flagOf(option)) : false;
  if (example && flagged) return t(lang, 'cli.fix.example', { example });
  return t(lang, 'cli.fix.giveValue', { flag: option ? option.flags : '' });
}
