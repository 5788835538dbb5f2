import { Command, Option } from 'commander';
import { VENDOR_IDS, type VendorId } from '../../../src-shared/domain/vendor.ts';
import type { VendorAccount } from '../../../src-shared/domain/vendor-account.ts';
import { AppError } from '../../../src-shared/errors.ts';
import { vendorCatalogs } from '../../../src-shared/vendors/catalogs.ts';
import { withWorkspace } from '../cli-context.ts';
import { UsageError, withUsageErrors } from '../cli-error.ts';
import { readTextFile } from '../json-file.ts';
import { collect, keyValuePairs } from '../option-parsers.ts';
import { formatTime, printJson } from '../output.ts';
import { vendorApiCommand } from './vendor-api-command.ts';

const vendorArgument = () => new Command().argument('<vendor>', `vendor id (${VENDOR_IDS.join(', ')})`);

function vendorId(value: string): VendorId {
  if (!(VENDOR_IDS as readonly string[]).includes(value)) {
    throw new UsageError(`<vendor>: "${value}" is not a vendor id (${VENDOR_IDS.join(', ')})`);
  }
  return value as VendorId;
}

/** Errors of the account methods name contract fields; say them as the options typed. */
const ACCOUNT_OPTIONS = { settings: '--setting', authProfileId: '--auth-profile', privateKeyPem: '--import', vendor: '<vendor>' };

function printAccount(account: VendorAccount): void {
  const catalog = vendorCatalogs[account.vendor];
  console.log(`${catalog.label} (${account.vendor}) account`);
  for (const field of catalog.accountFields) console.log(`  ${field.label}: ${account.settings[field.key]}  (--setting ${field.key}=…)`);
  if (catalog.auth.sharedPerAccount) console.log(`  Shared credentials: ${account.authProfileId ?? 'none yet (--auth-profile <id>)'}`);
  if (catalog.signature !== 'none') {
    const key = account.signingKey;
    console.log(
      key ? `  Signing key: RSA ${key.bits} bits, fingerprint ${key.fingerprint}, since ${formatTime(key.createdAt)} UTC` : '  Signing key: none yet',
    );
  }
  if (catalog.accountFields.length === 0 && !catalog.auth.sharedPerAccount && catalog.signature === 'none') {
    console.log('  Nothing is kept per account: everything is set per webhook.');
  }
}

/** `hooklab vendor show|set|key|api`: what a vendor keeps per tenant/account (settings, shared credentials, signing key). */
export function vendorCommand(): Command {
  const vendor = new Command('vendor').description('a vendor account: settings, shared credentials, signing key; the emulated management APIs');

  vendor.addCommand(
    vendorArgument()
      .name('show')
      .description("show the vendor's account settings, shared credentials and signing key")
      .option('--json', 'print JSON')
      .action(async (id: string, options: { json?: boolean }, command: Command) => {
        const vendorIdValue = vendorId(id);
        await withWorkspace(command, async ({ api }) => {
          const account = await api.getVendorAccount({ vendor: vendorIdValue });
          if (options.json) printJson(account);
          else printAccount(account);
        });
      }),
  );

  vendor.addCommand(
    vendorArgument()
      .name('set')
      .description("change account settings (--setting key=value) or the credentials all the vendor's webhooks share")
      .option('--setting <key=value>', 'an account setting (repeatable)', collect, [])
      .option('--auth-profile <id>', 'auth profile shared by all webhooks (FlexNet); "none" to clear')
      .option('--json', 'print JSON')
      .action(async (id: string, options: { setting: string[]; authProfile?: string; json?: boolean }, command: Command) => {
        const vendorIdValue = vendorId(id);
        if (options.setting.length === 0 && options.authProfile === undefined) throw new UsageError('give --setting or --auth-profile');
        const settings = options.setting.length > 0 ? keyValuePairs('--setting', options.setting) : undefined;
        const authProfileId = options.authProfile === undefined ? undefined : options.authProfile === 'none' ? null : options.authProfile;
        await withWorkspace(command, async ({ api }) => {
          const account = await withUsageErrors(ACCOUNT_OPTIONS, () => api.updateVendorAccount({ vendor: vendorIdValue, settings, authProfileId }));
          if (options.json) printJson(account);
          else printAccount(account);
        });
      }),
  );

  vendor.addCommand(
    vendorArgument()
      .name('key')
      .description("print the account's public key (Zentitle2 N-Signature); --generate or --import replaces the key pair first")
      .option('--generate', 'make a new RSA key pair (receivers then need the new public key)')
      .option('--import <file>', 'use this PEM private key (PKCS#1 or PKCS#8, RSA, 2048 bits or more)')
      .addOption(new Option('--public <form>', 'how to print the public key').choices(['pem', 'modulus']).default('pem'))
      .option('--json', 'print JSON')
      .action(async (id: string, options: { generate?: boolean; import?: string; public: 'pem' | 'modulus'; json?: boolean }, command: Command) => {
        const vendorIdValue = vendorId(id);
        if (options.generate && options.import) throw new UsageError('give --generate or --import, not both');
        const pem = options.import === undefined ? undefined : readTextFile('--import', options.import);
        await withWorkspace(command, async ({ api }) => {
          const account = await withUsageErrors(ACCOUNT_OPTIONS, () =>
            options.generate
              ? api.generateVendorKey({ vendor: vendorIdValue })
              : pem !== undefined
                ? api.importVendorKey({ vendor: vendorIdValue, privateKeyPem: pem })
                : api.getVendorAccount({ vendor: vendorIdValue }),
          );
          const key = account.signingKey;
          if (!key) {
            const why = vendorCatalogs[vendorIdValue].signature === 'none' ? 'does not sign with an account key' : 'has no key yet (--generate or --import)';
            throw new AppError('not_found', `${vendorCatalogs[vendorIdValue].label} ${why}`);
          }
          if (options.json) printJson(key);
          else if (options.public === 'modulus') console.log(`${key.modulusBase64Url}\nexponent ${key.exponentBase64Url}`);
          else process.stdout.write(key.pem);
        });
      }),
  );

  vendor.addCommand(vendorApiCommand());

  return vendor;
}
