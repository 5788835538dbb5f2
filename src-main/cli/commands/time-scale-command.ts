import { Command } from 'commander';
import { TIME_SCALES, type TimeScale } from '../../../src-shared/domain/time-scale.ts';
import { withWorkspace } from '../cli-context.ts';
import { numberOneOf } from '../option-parsers.ts';
import { formatTime, printJson } from '../output.ts';

export function timeScaleCommand(): Command {
  return new Command('time-scale')
    .description('show or set how much faster than real time the engine clock runs (vendor retry schedules)')
    .option('--set <scale>', `run vendor time this many times faster (${TIME_SCALES.join(', ')})`, numberOneOf(TIME_SCALES))
    .option('--reset', 'put the engine clock back to real time (pending retries keep what is left of their waits)')
    .option('--json', 'print JSON')
    .action(async (options: { set?: TimeScale; reset?: boolean; json?: boolean }, command: Command) => {
      await withWorkspace(command, async ({ api }) => {
        if (options.set !== undefined) await api.setTimeScale({ scale: options.set });
        const state = options.reset ? await api.resetClock() : await api.getTimeScale();
        if (options.json) {
          printJson(state);
          return;
        }
        console.log(`time scale ${state.scale}× (vendor time now ${formatTime(state.vendorNow)} UTC)`);
      });
    });
}
