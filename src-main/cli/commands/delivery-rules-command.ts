import { Command } from 'commander';
import { withWorkspace } from '../cli-context.ts';
import { printJson, printTable } from '../output.ts';
import { formatDurationNotation } from '../../../src-shared/domain/duration-notation.ts';
import { formatRetryPolicy } from '../retry-policy-notation.ts';

export function deliveryRulesCommand(): Command {
  return new Command('rules')
    .description("how the engine judges each try (success, retried, final) and the vendors' default retry schedules")
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withWorkspace(command, async ({ api }) => {
        const rules = await api.getDeliveryRules();
        if (options.json) {
          printJson(rules);
          return;
        }
        console.log('How each try is judged:');
        printTable(
          rules.outcomes.map((outcome) => ({ response: outcome.responses, verdict: outcome.verdict, detail: outcome.detail })),
          '',
        );
        console.log(`\nA manual retry or re-delivery gives up to ${rules.manualRetryAttempts} tries: the first at once, the rest at the policy's intervals.`);
        console.log('\nDefault retry policies (delays in vendor time, before jitter; a webhook can set its own with --retry):');
        printTable(
          rules.vendorDefaults.map((vendorDefault) => ({
            vendor: vendorDefault.vendor,
            policy: formatRetryPolicy(vendorDefault.policy),
            delays: vendorDefault.scheduleMs.map(formatDurationNotation).join(', '),
            source: vendorDefault.source,
          })),
          '',
        );
      });
    });
}
