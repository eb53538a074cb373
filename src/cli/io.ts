/** What a command may touch, passed in so tests can run commands without a real terminal. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  stderrIsTTY: boolean;
  readFile(path: string): Promise<string>;
  /** Appends a line to a results file (created when missing): a batch stopped halfway keeps its work. */
  appendFile(path: string, text: string): Promise<void>;
  writeFile(path: string, text: string): Promise<void>;
  env: Readonly<Record<string, string | undefined>>;
}

/** Bad arguments or input the user can fix: reported on stderr with exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
