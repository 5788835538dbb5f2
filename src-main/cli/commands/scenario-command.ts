import { randomUUID } from 'node:crypto';
import { Command } from 'commander';
import type { AppApi } from '../../../src-shared/contracts/app-contract.ts';
import type { DeliverySummary } from '../../../src-shared/domain/delivery.ts';
import type { Scenario, ScenarioRunStatus } from '../../../src-shared/domain/scenario.ts';
import { withWorkspace } from '../cli-context.ts';
import { UsageError } from '../cli-error.ts';
import { demoPaceSeconds, positiveNumber } from '../option-parsers.ts';
import { ScenarioWaitPrinter } from '../scenario-wait-progress.ts';
import { printJson, printTable } from '../output.ts';
import { deliveryOutcome, failUnlessSucceeded, settledByIds } from '../settled-deliveries.ts';

interface RunOptions {
  speed: number;
  demoPace?: number;
  createWebhooks?: boolean;
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

const quotedNames = (scenarios: Scenario[]) => scenarios.map((scenario) => `"${scenario.name}"`).join(', ');

/** `scenario run` without a name: which names it takes. */
function printScenarioNames(scenarios: Scenario[]): void {
  console.log('Which scenario? hooklab scenario run NAME, with NAME one of:');
  for (const scenario of scenarios) console.log(`  ${scenario.name}`);
}

async function runScenario(api: AppApi, name: string | undefined, options: RunOptions): Promise<void> {
  const scenarios = await api.listScenarios();
  if (name === undefined) return printScenarioNames(scenarios);
  const scenario = scenarios.find((each) => each.name === name);
  if (!scenario) throw new UsageError(`<name>: no scenario is named "${name}"; known: ${quotedNames(scenarios)}`);
  if (options.createWebhooks) {
    const { created } = await api.createScenarioWebhooks({ id: scenario.id });
    if (!options.json) for (const webhook of created) console.log(`created webhook "${webhook.name}" → ${webhook.endpointUrl}`);
  }
  const runId = randomUUID();
  const maxWaitMs = options.demoPace === undefined ? undefined : Math.round(options.demoPace * 1000);
  const printer = new ScenarioWaitPrinter({
    scenario,
    speed: options.speed,
    timeScale: (await api.getTimeScale()).scale,
    demoPace: maxWaitMs !== undefined,
    tty: process.stdout.isTTY === true,
    write: (text) => process.stdout.write(text),
  });
  const stopProgress = options.json ? () => {} : api.onScenarioRunChanged((status) => status.runId === runId && printer.update(status));
  let run: ScenarioRunStatus;
  try {
    run = await api.runScenario({ name, speed: options.speed, maxWaitMs, runId });
  } finally {
    stopProgress();
    printer.stop();
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
        .argument('[name]', 'scenario name (without one, the names are listed)')
        .option('--speed <n>', 'play the delays this many times faster than the time scale', positiveNumber, 1)
        .option('--demo-pace <seconds>', 'demo pace: no wait lasts longer than this (real time); the engine clock is not moved', demoPaceSeconds)
        .option('--create-webhooks', 'first create webhooks to the built-in receiver for the steps no webhook delivers')
        .option('--timeout <seconds>', 'how long to wait for the deliveries after the last step', positiveNumber, 60)
        .option('--json', 'print JSON: the run, each step with its deliveries')
        .action(async (name: string | undefined, options: RunOptions, command: Command) => {
          await withWorkspace(command, ({ api }) => runScenario(api, name, options));
        }),
    );
}
