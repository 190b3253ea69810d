import { UsageError } from './args';
import { type CliCommand, type CliIo, EXIT_FAILED, EXIT_INVALID, EXIT_OK } from './command';
import { budgetCommand } from './commands/budget';
import { guidesCommand } from './commands/guides';
import { historyCommand } from './commands/history';
import { planCommand } from './commands/plan';
import { reviewCommand } from './commands/review';
import { rosterCommand } from './commands/roster';

/**
 * `paybench` — the command line over the same core and store as the app. The registry is the list
 * below; commands written by other parts are loaded if present (see OPTIONAL_COMMANDS).
 */
const COMMANDS: CliCommand[] = [budgetCommand, guidesCommand, planCommand, rosterCommand, reviewCommand, historyCommand];

async function registry(): Promise<CliCommand[]> {
  return COMMANDS;
}

function topHelp(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `paybench — 社工薪酬与购买服务预算工作台（命令行）

用法 / usage: paybench <命令> [参数]   （每个命令都可加 --help）

命令：
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

数据库：--db FILE，或环境变量 PAYBENCH_DB，否则为用户数据目录下的 paybench.sqlite（首次使用时写入示例数据）。
`;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const commands = await registry();
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(topHelp(commands));
    return name === undefined ? EXIT_INVALID : EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`未知命令“${name}”\n\n${topHelp(commands)}`);
    return EXIT_INVALID;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n`);
      return EXIT_INVALID;
    }
    io.stderr(`paybench ${name} 失败：${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_FAILED;
  }
}

const io: CliIo = { stdout: (t) => void process.stdout.write(t), stderr: (t) => void process.stderr.write(t) };
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    io.stderr(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = EXIT_FAILED;
  },
);
