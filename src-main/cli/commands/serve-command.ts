import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { dataDirOf } from '../cli-context.ts';
import { integerIn } from '../option-parsers.ts';

export const RENDERER_BUILD_DIR = fileURLToPath(new URL('../../../out/renderer', import.meta.url));
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function serveCommand(): Command {
  return new Command('serve')
    .description('run Hooklab headless: the UI in your browser, the API and the receiver, on 127.0.0.1')
    .option('--host <host>', 'address to bind (keep it loopback unless you know why)', '127.0.0.1')
    .option('--port <port>', 'port of the UI and API (0 = any free port)', integerIn(0, 65535), 7717)
    .option('--receiver-port <port>', 'port of the built-in receiver (default: the one this data directory used last)', integerIn(0, 65535))
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
        staticDir: RENDERER_BUILD_DIR,
      });
      for (const warning of served.service.warnings) console.error(`hooklab: warning: ${warning}`);
      console.log(`Hooklab is serving ${dataDir}`);
      console.log(`  UI:       ${served.uiUrl}`);
      console.log(`  Receiver: ${served.service.info.receiverUrl}/r/<bin>/`);
      console.log('Press Ctrl+C to stop.');
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await served.close();
    });
}
