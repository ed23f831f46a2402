/**
 * Shared command-line plumbing: every command reads its data folder from `--data DIR`, the
 * PORTAL_DATA environment variable, or `data/`; problems end with a Chinese message and an exit
 * code, never a stack trace.
 */
import { resolve } from 'node:path';

export interface CliArgs {
  readonly data: string;
  readonly format: string | null;
  readonly flags: ReadonlyMap<string, string | true>;
  readonly positional: readonly string[];
  /** `--help` or `-h` was given: print the command's usage and exit 0. */
  readonly help: boolean;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], knownFlags: readonly string[] = []): CliArgs {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  const valued = new Set(['data', 'format', ...knownFlags]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (eq > 0) flags.set(name, a.slice(eq + 1));
      else if (valued.has(name) && i + 1 < argv.length && !argv[i + 1].startsWith('--')) flags.set(name, argv[++i]);
      else flags.set(name, true);
    } else if (a === '-h') flags.set('help', true);
    else positional.push(a);
  }
  const dataFlag = flags.get('data');
  if (dataFlag === true) throw new UsageError('参数 --data 后面需要一个文件夹路径，例如 --data data/');
  const data = resolve(typeof dataFlag === 'string' ? dataFlag : process.env.PORTAL_DATA || 'data');
  const format = flags.get('format');
  if (format === true) throw new UsageError('参数 --format 后面需要一个格式名称。');
  return { data, format: format ?? null, flags, positional, help: flags.has('help') };
}

/** Rejects flags a command does not know, so a typo (`--fromat json`) is not silently ignored. */
export function rejectUnknownFlags(args: CliArgs, allowed: readonly string[], usage: string): void {
  const known = new Set(['data', 'format', 'help', ...allowed]);
  for (const name of args.flags.keys()) {
    if (!known.has(name)) throw new UsageError(`不认识的参数 --${name}。\n\n${usage}`);
  }
}

/** Runs a command's main; unexpected failures print one Chinese line and exit 2. */
export function runCli(main: () => Promise<number> | number): void {
  // A reader that stops early (`| head`) closes the pipe: that is not an error of the command.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  Promise.resolve()
    .then(main)
    .then(
      (code) => {
        process.exitCode = code;
      },
      (e: unknown) => {
        if (e instanceof UsageError) process.stderr.write(`用法错误：${e.message}\n`);
        else {
          const msg = e instanceof Error ? e.message : String(e);
          process.stderr.write(`无法完成：${msg}\n`);
          if (process.env.PORTAL_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
        }
        process.exitCode = 2;
      },
    );
}

/**
 * Writes to stdout and resolves once the bytes are handed to the OS, so output through a pipe
 * (`npm run indicators -- --format json | jq`) is complete however large it is. (runCli sets
 * process.exitCode rather than calling process.exit, which would cut a pipe at 64 KiB.)
 */
export function writeOut(text: string, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  return new Promise((done, fail) => {
    out.write(text, (e) => (e ? fail(e) : done()));
  });
}
