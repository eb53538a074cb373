/** What a command may touch, passed in so tests can run commands without a real terminal. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  stderrIsTTY: boolean;
  readFile(path: string): Promise<string>;
}

/** Bad arguments or input the user can fix: reported on stderr with exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
