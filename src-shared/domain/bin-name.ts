import { z } from 'zod';

/** A bin is a path segment of the receiver's URLs (/r/<bin>/…), so only URL-safe characters. */
export const BIN_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const binNameSchema = z.string().regex(BIN_NAME, 'must be 1-64 letters, digits, - or _');
