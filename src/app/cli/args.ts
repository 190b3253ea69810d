import { parseArgs } from 'node:util';

/**
 * Flags of one command, parsed strictly: an unknown flag or a missing value is a usage error
 * (exit 2) with a Chinese message, never silently ignored.
 */
export class UsageError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

export function parseCommandArgs(args: string[], options: Record<string, { type: 'string' | 'boolean'; short?: string }>): ParsedArgs {
  try {
    const { positionals, values } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true });
    return { positionals, values: values as ParsedArgs['values'] };
  } catch (e) {
    const message = (e as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new UsageError(`未知选项 ${unknown[1]}（用 --help 查看用法）/ unknown option`);
    const missing = /Option '([^']+)' argument missing/.exec(message);
    if (missing) throw new UsageError(`选项 ${missing[1]} 需要一个值 / option needs a value`);
    throw new UsageError(message);
  }
}

export const str = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
