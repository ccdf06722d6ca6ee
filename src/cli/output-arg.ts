import { InvalidArgumentError } from 'commander';

/**
 * `--output` as given, for commander's option parser (a module of its own: main loads it on
 * every start). '-' (and /dev/stdout, which names the same thing) is standard output; '' is a
 * usage error rather than a silent stdout.
 */
export function outputArg(value: string): string {
  if (value === '') throw new InvalidArgumentError('io.output.empty'); // an id: commander-words.ts says it in the user's language
  return STDOUT_NAMES.includes(value) ? '-' : value;
}

const STDOUT_NAMES = ['-', '/dev/stdout', '/dev/fd/1', '/proc/self/fd/1'];

/** After parsing: `--output -` is no --output at all (commander keeps an option's undefined as ''). */
export function stdoutIsNoOutput(cmd: { opts(): { output?: string }; setOptionValue(key: string, value: unknown): unknown }): void {
  if (cmd.opts().output === '-') cmd.setOptionValue('output', undefined);
}
