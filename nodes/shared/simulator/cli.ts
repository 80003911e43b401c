/** Command-line plumbing shared by the vendor simulators; each CLI keeps its own flags' meaning and defaults. */

export interface CliFlagSpec<B extends string> {
  /** Flags that take a value, as `--flag value` or `--flag=value`. */
  values: readonly string[];
  /** Flags that take no value. */
  booleans: readonly B[];
}

export type CliFlag<B extends string> = { flag: B; value: true } | { flag: string; value: string };

/**
 * Yields the flags in argv order with their raw values (`true` for a boolean flag). It is lazy so that a CLI
 * checking each value as it arrives reports the first bad argument, wherever the mistake is.
 */
export function* parseCliFlags<B extends string>(argv: readonly string[], spec: CliFlagSpec<B>): Generator<CliFlag<B>, void> {
  const known = [...spec.values, ...spec.booleans];
  // A name with characters no known flag uses is not a mistyped flag but a stray argument.
  const pattern = known.some((f) => f.includes('-')) ? /^--([a-z-]+)(?:=(.*))?$/ : /^--([a-z]+)(?:=(.*))?$/;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = pattern.exec(arg);
    if (!match) throw new Error(`unexpected argument "${arg}"; see --help`);
    const [, flag, inline] = match;
    const boolean = spec.booleans.find((b) => b === flag);
    if (boolean !== undefined) {
      if (inline !== undefined) throw new Error(`--${flag} takes no value`);
      yield { flag: boolean, value: true };
      continue;
    }
    if (!spec.values.includes(flag)) throw new Error(`unknown option --${flag}; see --help`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${flag} needs a value`);
    yield { flag, value };
  }
}

export const commaList = (value: string): string[] => value.split(',').map((s) => s.trim()).filter((s) => s !== '');

/** Routes SIGINT and SIGTERM to `handler` instead of ending the process, until the returned function is called. */
export function trapInterrupts(handler: () => void): () => void {
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

export interface RunningPublisher {
  readonly sent: number;
  stop(): Promise<void>;
  done: Promise<void>;
}

/**
 * Waits for the publisher to finish, writing `progressLine(sent, sentInTheLastSecond)` to stderr every second;
 * Ctrl+C stops the publisher cleanly (pending sends and the disconnect) instead of killing the process.
 */
export async function superviseRun(publisher: RunningPublisher, progressLine: (sent: number, recent: number) => string): Promise<void> {
  let lastSent = 0;
  const progress = setInterval(() => {
    const sent = publisher.sent;
    process.stderr.write(`${progressLine(sent, sent - lastSent)}\n`);
    lastSent = sent;
  }, 1000);
  const release = trapInterrupts(() => void publisher.stop());
  try {
    await publisher.done;
  } finally {
    clearInterval(progress);
    release();
  }
}

export async function printLines(lines: Iterable<string>): Promise<void> {
  const out = process.stdout;
  let failure: NodeJS.ErrnoException | undefined;
  const onError = (err: NodeJS.ErrnoException): void => {
    failure = err;
  };
  out.on('error', onError);
  try {
    for (const line of lines) {
      // Respect backpressure so a long run piped into a slow reader does not buffer everything in memory.
      if (!out.write(line)) {
        await new Promise<void>((resolve) => {
          const wake = (): void => {
            out.off('drain', wake);
            out.off('error', wake);
            resolve();
          };
          out.on('drain', wake);
          out.on('error', wake);
        });
      }
      if (failure) break;
    }
  } finally {
    out.off('error', onError);
  }
  // A reader that stops early (`| head`) is normal use of a printing tool, not an error.
  if (failure && failure.code !== 'EPIPE') throw failure;
}
