import { Command } from 'commander';
import { TIME_SCALES, type TimeScale } from '../../../src-shared/domain/time-scale.ts';
import { withWorkspace } from '../cli-context.ts';
import { numberOneOf } from '../option-parsers.ts';
import { formatTime, printJson } from '../output.ts';

export function timeScaleCommand(): Command {
  return new Command('time-scale')
    .description('show or set how much faster than real time the engine clock runs (vendor retry schedules)')
    .option('--set <scale>', `run vendor time this many times faster (${TIME_SCALES.join(', ')})`, numberOneOf(TIME_SCALES))
    .option('--json', 'print JSON')
    .action(async (options: { set?: TimeScale; json?: boolean }, command: Command) => {
      await withWorkspace(command, async ({ api }) => {
        const state = options.set === undefined ? await api.getTimeScale() : await api.setTimeScale({ scale: options.set });
        if (options.json) {
          printJson(state);
          return;
        }
        console.log(`time scale ${state.scale}× (vendor time now ${formatTime(state.vendorNow)} UTC)`);
      });
    });
}
