// `ftp-log`: the core on the command line (check, detect, explain).
// Exit codes: 0 no error found, 1 an error was found, 2 bad usage or unreadable input.

import { UsageError } from './args';
import { check } from './check';
import type { Cli } from './context';
import { detect } from './detect';
import { explain } from './explain';
import { HELP, USAGE } from './help';

const COMMANDS: Record<string, (args: string[], cli: Cli) => Promise<number>> = { check, detect, explain };

export async function run(argv: string[], cli: Cli): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--help' || command === '-h' || command === 'help' || (command in COMMANDS && (rest.includes('--help') || rest.includes('-h')))) {
      cli.out.write(HELP + '\n');
      cli.out.flush();
      return 0;
    }
    if (command === '--version' || command === '-V') {
      cli.out.write(cli.version + '\n');
      cli.out.flush();
      return 0;
    }
    const run = command !== undefined ? COMMANDS[command] : undefined;
    if (!run) throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
    return await run(rest, cli);
  } catch (e) {
    cli.out.flush();
    if (e instanceof UsageError) {
      cli.err(`ftp-log: ${e.message}`);
      cli.err(USAGE);
      return 2;
    }
    cli.err(`ftp-log: ${(e as Error).message}`);
    return 2;
  }
}
