import { z } from 'zod';
import { idSchema } from './record-id.ts';
import { vendorIdSchema, vendorValuesSchema, type VendorId } from './vendor.ts';

/**
 * The public half of a vendor account's RSA key (Zentitle2 `N-Signature`), in the forms receivers
 * are configured with: PEM, and the bare 2048-bit modulus in base64url with its exponent, as
 * Zentitle2's "API Credentials" page hands it out.
 */
export interface AccountPublicKey {
  pem: string;
  modulusBase64Url: string;
  /** base64url, "AQAB" for 65537. */
  exponentBase64Url: string;
  bits: number;
  /** SHA-256 of the DER public key, hex, first 16 characters: enough to tell keys apart. */
  fingerprint: string;
  createdAt: number;
}

/** What a vendor keeps per tenant/account rather than per webhook. */
export interface VendorAccount {
  vendor: VendorId;
  /** Values of the catalog's `accountFields`, defaults filled in. */
  settings: Record<string, string>;
  /** For vendors whose credentials are shared by all webhooks (FlexNet); null: none chosen yet. */
  authProfileId: string | null;
  /** For vendors that sign every call with the account's key (Zentitle2); null: none yet. */
  signingKey: AccountPublicKey | null;
  updatedAt: number;
}

export const vendorRefSchema = z.strictObject({ vendor: vendorIdSchema });

export const updateVendorAccountInputSchema = z.strictObject({
  vendor: vendorIdSchema,
  settings: vendorValuesSchema('setting').optional(),
  /** null clears the shared credentials. */
  authProfileId: idSchema.nullable().optional(),
});

export const importVendorKeyInputSchema = z.strictObject({
  vendor: vendorIdSchema,
  /** PKCS#1 ("BEGIN RSA PRIVATE KEY") or PKCS#8 ("BEGIN PRIVATE KEY") PEM of an RSA key of 2048 bits or more. */
  privateKeyPem: z.string().trim().min(1, 'is required').max(20_000, 'must be at most 20000 characters'),
});

export type UpdateVendorAccountInput = z.input<typeof updateVendorAccountInputSchema>;
