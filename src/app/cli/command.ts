/**
 * One command of the `paybench` CLI. `run` gets the arguments after the command's name and returns
 * the exit code: 0 done, 1 failed (a file missing, the database refusing), 2 invalid input.
 */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface CliCommand {
  name: string;
  /** one line for the top-level help */
  summary: string;
  /** the command's full help text, printed by --help / -h */
  help: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_INVALID = 2;
