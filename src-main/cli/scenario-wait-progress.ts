import type { Scenario, ScenarioRunStatus } from '../../src-shared/domain/scenario.ts';
import { formatSpan } from '../../src-shared/domain/time-span.ts';
import { SECOND_MS } from '../../src-shared/domain/time-units.ts';

/** A wait longer than this (real time) gets the hint to play faster. */
const HINT_OVER_MS = 10 * SECOND_MS;
/** Where a faster run would bring that wait, in real time. */
const HINTED_WAIT_MS = 5 * SECOND_MS;
/** Without a terminal to redraw a line in, the countdown prints a line this often. */
const PLAIN_EVERY_MS = 10 * SECOND_MS;

export interface WaitPrinterOptions {
  scenario: Scenario;
  speed: number;
  timeScale: number;
  demoPace: boolean;
  /** A terminal: the countdown redraws one line each second instead of printing a line each ten. */
  tty: boolean;
  write(text: string): void;
}

/**
 * Prints a scenario run as it goes: each step fired, and before each wait its length in vendor and
 * real time with a countdown, and, for a long one, how to play it faster.
 */
export class ScenarioWaitPrinter {
  private readonly options: WaitPrinterOptions;
  private printedSteps = 0;
  private waitingFor = 0;
  private countdown: ReturnType<typeof setInterval> | null = null;
  private countdownLine = false;

  constructor(options: WaitPrinterOptions) {
    this.options = options;
  }

  update(status: ScenarioRunStatus): void {
    const { write } = this.options;
    const fired = status.steps.at(-1);
    if (status.state !== 'firing' && fired && fired.step > this.printedSteps) {
      this.stopCountdown();
      this.printedSteps = fired.step;
      write(`fired ${fired.step}/${status.total}: ${fired.eventName}\n`);
    }
    const next = status.steps.length + 1;
    if (status.state === 'waiting' && status.nextStepInMs !== null && next !== this.waitingFor) {
      this.waitingFor = next;
      this.startWait(status, next, status.nextStepInMs);
    } else if (status.state !== 'waiting') {
      this.stopCountdown();
    }
  }

  stop(): void {
    this.stopCountdown();
  }

  private startWait(status: ScenarioRunStatus, next: number, realMs: number): void {
    const { scenario, speed, timeScale, demoPace, write } = this.options;
    this.stopCountdown();
    const step = scenario.steps[next - 1]!;
    if (step.delayMs === 0) return;
    const pace = demoPace && realMs < step.delayMs / speed / timeScale ? ', shortened by --demo-pace' : ` at ${timeScale}× and --speed ${speed}`;
    write(`waiting ${formatSpan(step.delayMs)} of vendor time before step ${next}/${status.total} (${step.eventName}): ${formatSpan(realMs)} real${pace}\n`);
    if (realMs > HINT_OVER_MS) {
      const faster = Math.ceil((speed * realMs) / HINTED_WAIT_MS);
      write(`  to play it faster: --speed ${faster} (about ${formatSpan(HINTED_WAIT_MS)}), or --demo-pace 5 for every wait at most 5 s\n`);
    }
    if (realMs < 2 * SECOND_MS) return;
    const endsAt = Date.now() + realMs;
    const tick = () => {
      const left = Math.max(0, endsAt - Date.now());
      if (this.options.tty) {
        write(`\r  ${formatSpan(left)} left   `);
        this.countdownLine = true;
      } else if (left > 0) {
        write(`  ${formatSpan(left)} left\n`);
      }
    };
    this.countdown = setInterval(tick, this.options.tty ? SECOND_MS : PLAIN_EVERY_MS);
  }

  private stopCountdown(): void {
    if (this.countdown) clearInterval(this.countdown);
    this.countdown = null;
    if (this.countdownLine) this.options.write('\r\x1b[K');
    this.countdownLine = false;
  }
}
