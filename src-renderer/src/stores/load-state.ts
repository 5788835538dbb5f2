import type { UiError } from '../api/ui-error.ts';

/** Where a list fetched from the engine stands; every store holding one uses this shape. */
export type LoadState = { status: 'idle' | 'loading' | 'ready' } | { status: 'error'; error: UiError };
