import { randomUUID } from 'node:crypto';
import { Command } from 'commander';
import type { AppApi } from '../../../src-shared/contracts/app-contract.ts';
import type { DeliverySummary } from '../../../src-shared/domain/delivery.ts';
import type { ScenarioRunStatus } from '../../../src-shared/domain/scenario.ts';
import { withWorkspace } from '../cli-context.ts';
import { UsageError } from '../cli-error.ts';
import { positiveNumber } from '../option-parsers.ts';
import { printJson, printTable } from '../output.ts';
import { deliveryOutcome, failUnlessSucceeded, settledByIds } from '../settled-deliveries.ts';

interface RunOptions {
  speed: number;
  timeout: number;
  json?: boolean;
}

function listCommand(): Command {
  return new Command('list')
    .description('the built-in scenarios and yours')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withWorkspace(command, async ({ api }) => {
        const scenarios = await api.listScenarios();
        if (options.json) return printJson(scenarios);
        printTable(
          scenarios.map((scenario) => ({
            name: scenario.name,
            vendors: scenario.vendors.join(', '),
            steps: scenario.steps.length,
            kind: scenario.builtIn ? 'built-in' : 'saved',
          })),
          'No scenarios.',
        );
      });
    });
}

function printRun(run: ScenarioRunStatus, deliveries: Map<string, DeliverySummary>): void {
  for (const step of run.steps) {
    console.log(`${step.step}. ${step.eventName} (${step.vendor}) event ${step.eventId}`);
    if (step.deliveryIds.length === 0) console.log('   no webhook matched');
    for (const id of step.deliveryIds) {
      const delivery = deliveries.get(id)!;
      console.log(`   ${delivery.webhookName} → ${delivery.endpointUrl}: ${deliveryOutcome(delivery)}`);
    }
  }
}

async function runScenario(api: AppApi, name: string, options: RunOptions): Promise<void> {
  const known = (await api.listScenarios()).map((scenario) => scenario.name);
  if (!known.includes(name)) throw new UsageError(`<name>: no scenario is named "${name}"; known: ${known.map((each) => `"${each}"`).join(', ')}`);
  const runId = randomUUID();
  let printed = 0;
  const stopProgress = options.json
    ? () => {}
    : api.onScenarioRunChanged((status) => {
        const fired = status.steps.at(-1);
        if (status.runId === runId && status.state !== 'firing' && fired && fired.step > printed) {
          printed = fired.step;
          console.log(`fired ${fired.step}/${status.total}: ${fired.eventName}`);
        }
      });
  let run: ScenarioRunStatus;
  try {
    run = await api.runScenario({ name, speed: options.speed, runId });
  } finally {
    stopProgress();
  }
  const ids = run.steps.flatMap((step) => step.deliveryIds);
  const settled = await settledByIds(api, ids, options.timeout * 1000);
  failUnlessSucceeded(settled);
  const byId = new Map(settled.deliveries.map((delivery) => [delivery.id, delivery]));
  if (options.json) {
    printJson({
      ...run,
      steps: run.steps.map((step) => ({ ...step, deliveries: step.deliveryIds.map((id) => byId.get(id)) })),
      timedOut: settled.timedOut,
    });
    return;
  }
  printRun(run, byId);
  if (settled.timedOut) console.log(`Not settled after ${options.timeout} s.`);
}

export function scenarioCommand(): Command {
  return new Command('scenario')
    .description('licensing stories: ordered events with delays, for demos and regression runs')
    .addCommand(listCommand())
    .addCommand(
      new Command('run')
        .description('play a scenario, wait for its deliveries to settle; exits 1 if any did not succeed')
        .argument('<name>', 'scenario name (see hooklab scenario list)')
        .option('--speed <n>', 'play the delays this many times faster than the time scale', positiveNumber, 1)
        .option('--timeout <seconds>', 'how long to wait for the deliveries after the last step', positiveNumber, 60)
        .option('--json', 'print JSON: the run, each step with its deliveries')
        .action(async (name: string, options: RunOptions, command: Command) => {
          await withWorkspace(command, ({ api }) => runScenario(api, name, options));
        }),
    );
}
