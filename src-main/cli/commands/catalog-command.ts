import { Command, Option } from 'commander';
import { VENDOR_IDS, type CatalogEvent, type VendorCatalog, type VendorId } from '../../../src-shared/domain/vendor.ts';
import { vendorCatalogs } from '../../../src-shared/vendors/catalogs.ts';
import { printJson } from '../output.ts';

function eventLine(event: CatalogEvent): string {
  const conditions = event.conditionsAllowed ? 'trigger conditions allowed' : 'no trigger conditions';
  return `  ${event.name}  (${event.operation}; ${conditions}; ${event.activities.length} activities)`;
}

/** How the vendor authenticates and signs, and what a webhook may choose: what to set up before firing. */
function vendorModelLines(catalog: VendorCatalog): string[] {
  const shared = catalog.auth.sharedPerAccount ? ', one profile shared by all webhooks of the account' : '';
  return [
    ...(catalog.note ? [`Note: ${catalog.note}`] : []),
    `Auth: ${catalog.auth.kinds.join(' | ')}${shared}. ${catalog.auth.note}`,
    `Signature: ${catalog.signature === 'n-signature' ? 'N-Signature (RSA SHA-256, the account key)' : 'none of its own (Standard Webhooks signing is optional on any webhook)'}`,
    ...catalog.options.map((option) => `Option ${option.key}: ${option.choices.map((choice) => choice.value).join(' | ')} (default ${option.default})`),
  ];
}

// The catalog is static data: this command never opens (or creates) a workspace.
export function catalogCommand(): Command {
  return new Command('catalog')
    .description("list a vendor's webhook events by entity, with their operation and activities")
    .addOption(new Option('--vendor <id>', 'vendor profile').choices(VENDOR_IDS).default('sentinel-ems'))
    .option('--json', 'print JSON')
    .action((options: { vendor: VendorId; json?: boolean }) => {
      const catalog = vendorCatalogs[options.vendor];
      if (options.json) {
        printJson(catalog);
        return;
      }
      const events = catalog.entities.flatMap((entity) => entity.events);
      console.log(`${catalog.label} (${catalog.vendor}): ${catalog.entities.length} entities, ${events.length} events`);
      for (const line of vendorModelLines(catalog)) console.log(line);
      for (const entity of catalog.entities) {
        console.log(`\n${entity.name}${entity.note ? ` (${entity.note})` : ''}`);
        for (const event of entity.events) {
          console.log(eventLine(event));
          for (const activity of event.activities) console.log(`    - ${activity}`);
        }
      }
    });
}
