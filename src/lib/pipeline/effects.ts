/**
 * What the pipeline may do to the world besides computing: read the environment and the clock,
 * and say what it is doing. Passed in (never read from globals) so a build, a CLI and a test each
 * decide; tests pass `silentEffects`.
 */
export interface Effects {
  /** A progress line for the person running the command (stdout of a CLI, nothing in tests). */
  readonly log: (line: string) => void;
  /** Variables the pipeline reads: PORTAL_TODAY (the embargo reference date). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The clock, for “today in Beijing” when PORTAL_TODAY is unset. */
  readonly now: () => Date;
}

export const silentEffects: Effects = { log: () => {}, env: {}, now: () => new Date() };

/** Effects of a command-line process: progress on stderr (stdout stays clean for --format json). */
export function processEffects(proc: { env: NodeJS.ProcessEnv; stderr: { write: (s: string) => unknown } } = process): Effects {
  return { log: (line) => void proc.stderr.write(line + '\n'), env: { ...proc.env }, now: () => new Date() };
}
