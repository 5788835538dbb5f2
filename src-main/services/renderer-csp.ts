/**
 * The Content-Security-Policy of the renderer, wherever it is served from: the desktop app's
 * hooklab:// scheme or `hooklab serve`. Only its own files run; the API is same-origin.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Monaco injects its styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
