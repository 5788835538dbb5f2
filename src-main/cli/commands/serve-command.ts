import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { dataDirOf } from '../cli-context.ts';
import type { VendorApisState } from '../../../src-shared/domain/vendor-api.ts';
import { integerIn } from '../option-parsers.ts';

export const RENDERER_BUILD_DIR = fileURLToPath(new URL('../../../out/renderer', import.meta.url));
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Where each vendor's emulated management API answers; the credentials are too long for a start-up banner. */
function vendorApiLines({ url, vendors }: VendorApisState): string[] {
  if (!url) return ['  Vendor APIs: off (switch them on with `hooklab vendor api --on` or on the Vendors page)'];
  const width = Math.max(...vendors.map((access) => access.label.length)) + 1;
  return [
    `  Vendor APIs: ${url}  (credentials: \`hooklab vendor api\`)`,
    ...vendors.map((access) => `    ${`${access.label}:`.padEnd(width)} ${access.baseUrl}`),
  ];
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('run Hooklab headless: the UI in your browser, the API and the receiver, on 127.0.0.1')
    .option('--host <host>', 'address to bind (keep it loopback unless you know why)', '127.0.0.1')
    .option('--port <port>', 'port of the UI and API (0 = any free port)', integerIn(0, 65535), 7717)
    .option('--receiver-port <port>', 'port of the built-in receiver (default: the one this data directory used last)', integerIn(0, 65535))
    .option('--vendor-api-port <port>', 'port of the emulated vendor management APIs (default: the one this data directory used last)', integerIn(0, 65535))
    .action(async (options, command: Command) => {
      const dataDir = dataDirOf(command);
      if (!existsSync(RENDERER_BUILD_DIR)) {
        console.error('hooklab: the UI is not built yet (out/renderer is missing); run `npm run build` first. Serving the API only.');
      }
      if (!LOOPBACK.has(options.host)) {
        console.error(`hooklab: warning: binding ${options.host} makes Hooklab reachable from other machines (the access token still guards the API).`);
      }
      const { startServedWorkspace } = await import('../../services/served-workspace.ts');
      const served = await startServedWorkspace({
        dataDir,
        mode: 'serve',
        host: options.host,
        port: options.port,
        receiverPort: options.receiverPort,
        vendorApiPort: options.vendorApiPort,
        staticDir: RENDERER_BUILD_DIR,
      });
      for (const warning of served.service.warnings) console.error(`hooklab: warning: ${warning}`);
      console.log(`Hooklab is serving ${dataDir}`);
      console.log(`  UI:          ${served.uiUrl}`);
      console.log(`  Receiver:    ${served.service.info.receiverUrl}/r/<bin>/`);
      for (const line of vendorApiLines(await served.service.api.getVendorApis())) console.log(line);
      console.log('Press Ctrl+C to stop.');
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await served.close();
    });
}
