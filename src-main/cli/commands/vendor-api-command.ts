import { Command } from 'commander';
import {
  VENDOR_API_LOG_SIZE,
  VENDOR_API_VENDORS,
  type VendorApiAccess,
  type VendorApiAssumption,
  type VendorApiCall,
  type VendorApiVendor,
  type VendorApisState,
} from '../../../src-shared/domain/vendor-api.ts';
import { withWorkspace } from '../cli-context.ts';
import { UsageError } from '../cli-error.ts';
import { integerIn } from '../option-parsers.ts';
import { formatTime, printJson, printTable } from '../output.ts';

const START_HINT = 'start one with `hooklab serve` (or open the desktop app) on it';

function apiVendor(value: string | undefined): VendorApiVendor | undefined {
  if (value === undefined) return undefined;
  if (!(VENDOR_API_VENDORS as readonly string[]).includes(value)) {
    throw new UsageError(`[vendor]: "${value}" has no emulated management API (${VENDOR_API_VENDORS.join(', ')})`);
  }
  return value as VendorApiVendor;
}

/** The listener's state in one line, and what to do when nothing answers. */
function listenerLine({ enabled, url, port }: VendorApisState): string {
  if (enabled && url) return `Vendor management APIs: on, listening on ${url}`;
  if (enabled) return `Vendor management APIs: on${port ? ` (port ${port})` : ''}, but no Hooklab is running for this data directory: ${START_HINT}.`;
  return `Vendor management APIs: off${port ? ` (port ${port} kept)` : ''}. Switch them on with \`hooklab vendor api --on\`.`;
}

function printAssumptions(assumptions: readonly VendorApiAssumption[]): void {
  for (const { subject, choice } of assumptions) console.log(`    - ${subject}: ${choice}`);
}

function printAccess(access: VendorApiAccess, assumptions: readonly VendorApiAssumption[]): void {
  console.log(`\n${access.label} (${access.vendor})`);
  console.log(`  Base URL:       ${access.baseUrl ?? '- (not listening)'}`);
  console.log(`  Authentication: ${access.authentication}`);
  console.log('  Credentials:');
  const width = Math.max(0, ...access.credentials.map((credential) => credential.name.length));
  for (const { name, value } of access.credentials) console.log(`    ${`${name}:`.padEnd(width + 1)} ${value}`);
  const legend = access.endpoints.some((endpoint) => endpoint.assumed) ? "; [assumed]: not in the vendor's documentation, a Hooklab choice" : '';
  console.log(access.endpoints.length > 0 ? `  Operations (${access.endpoints.length}${legend}):` : '  Operations: none yet');
  for (const { method, path, summary, assumed } of access.endpoints) {
    console.log(`    ${method.padEnd(6)} ${path}${assumed ? ' [assumed]' : ''}  ${summary}`);
  }
  const own = assumptions.filter((assumption) => assumption.vendor === access.vendor);
  if (own.length > 0) {
    console.log('  Assumptions:');
    printAssumptions(own);
  }
}

function printState(state: VendorApisState, only: VendorApiVendor | undefined): void {
  console.log(listenerLine(state));
  for (const access of state.vendors) if (!only || access.vendor === only) printAccess(access, state.assumptions);
  console.log('\nAssumptions for all vendor APIs:');
  printAssumptions(state.assumptions.filter((assumption) => assumption.vendor === null));
}

function printCalls(calls: readonly VendorApiCall[], running: boolean): void {
  const empty = running ? 'No calls yet.' : `The log lives in a running Hooklab, and none runs for this data directory: ${START_HINT}.`;
  printTable(
    calls.map((call) => ({
      at: formatTime(call.at),
      vendor: call.vendor ?? '-',
      method: call.method,
      url: call.url,
      status: call.status,
      ms: Math.round(call.durationMs),
    })),
    empty,
  );
}

/** `hooklab vendor api`: the emulated management APIs, where they listen and the credentials to use; their switch; the log of calls. */
export function vendorApiCommand(): Command {
  return new Command('api')
    .description("the vendors' management APIs emulated here: base URLs, credentials, operations, assumptions; --on/--off switches them")
    .argument('[vendor]', `only this vendor (${VENDOR_API_VENDORS.join(', ')})`)
    .option('--on', 'serve the vendor APIs (kept across restarts)')
    .option('--off', 'stop serving them (clients get no answer)')
    .option('--log', 'print the calls the running Hooklab answered, newest first')
    .option('--limit <n>', `with --log: at most this many calls (1-${VENDOR_API_LOG_SIZE})`, integerIn(1, VENDOR_API_LOG_SIZE))
    .option('--json', 'print JSON (the whole state, or the calls with --log)')
    .action(
      async (vendorArgument: string | undefined, options: { on?: boolean; off?: boolean; log?: boolean; limit?: number; json?: boolean }, command: Command) => {
        const vendor = apiVendor(vendorArgument);
        if (options.on && options.off) throw new UsageError('give --on or --off, not both');
        if (options.log && (options.on || options.off)) throw new UsageError('--log only reads; switch with --on or --off separately');
        if (options.limit !== undefined && !options.log) throw new UsageError('--limit goes with --log');
        await withWorkspace(command, async ({ api, via }) => {
          if (options.log) {
            const calls = await api.listVendorApiCalls({ vendor, limit: options.limit });
            if (options.json) printJson(calls);
            else printCalls(calls, via === 'running-app');
            return;
          }
          const state = options.on || options.off ? await api.setVendorApisEnabled({ enabled: Boolean(options.on) }) : await api.getVendorApis();
          if (options.json) printJson(state);
          else printState(state, vendor);
        });
      },
    );
}
