import { Command, CommanderError } from 'commander';
import { AppError } from '../../src-shared/errors.ts';
import { HOOKLAB_VERSION } from '../services/version.ts';
import { EXIT_FAILURE, EXIT_USAGE, UsageError } from './cli-error.ts';
import { binsCommand } from './commands/bins-command.ts';
import { capturesCommand } from './commands/captures-command.ts';
import { checkCommand } from './commands/check-command.ts';
import { catalogCommand } from './commands/catalog-command.ts';
import { conditionCommand } from './commands/condition-command.ts';
import { deliveriesCommand } from './commands/deliveries-command.ts';
import { exportCommand } from './commands/export-command.ts';
import { fireCommand } from './commands/fire-command.ts';
import { importCommand } from './commands/import-command.ts';
import { replayCommand } from './commands/replay-command.ts';
import { scenarioCommand } from './commands/scenario-command.ts';
import { serveCommand } from './commands/serve-command.ts';
import { timeScaleCommand } from './commands/time-scale-command.ts';
import { vendorCommand } from './commands/vendor-command.ts';
import { webhookCommand } from './commands/webhook-command.ts';

function buildProgram(): Command {
  const program = new Command('hooklab')
    .description('Hooklab: a lab for licensing-platform webhooks')
    .version(HOOKLAB_VERSION)
    .option('--data <dir>', 'data directory (default: $HOOKLAB_DATA or the OS app-data folder)')
    .addCommand(serveCommand())
    .addCommand(webhookCommand())
    .addCommand(fireCommand())
    .addCommand(deliveriesCommand())
    .addCommand(binsCommand())
    .addCommand(capturesCommand())
    .addCommand(importCommand())
    .addCommand(replayCommand())
    .addCommand(scenarioCommand())
    .addCommand(conditionCommand())
    .addCommand(catalogCommand())
    .addCommand(vendorCommand())
    .addCommand(exportCommand())
    .addCommand(checkCommand())
    .addCommand(timeScaleCommand());
  const oneLine = (str: string, write: (s: string) => void) => write(`hooklab: ${str.replace(/^error: /, '').trim()}\n`);
  const configure = (command: Command) => {
    command.exitOverride().configureOutput({ outputError: oneLine }).showSuggestionAfterError(true);
    command.commands.forEach(configure);
  };
  configure(program);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      console.error(`hooklab: ${error.message}`);
      return EXIT_USAGE;
    }
    const message = error instanceof AppError || error instanceof Error ? error.message : String(error);
    console.error(`hooklab: ${message}`);
    return EXIT_FAILURE;
  }
}
