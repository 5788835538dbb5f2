const STORAGE_KEY = 'hooklab.serveToken';
const FRAGMENT_KEY = 'token';

/**
 * Serve mode hands out its per-run token in the URL fragment (`#token=…`), which browsers never
 * send to a server. We keep it in sessionStorage so a reload still works, and take it out of
 * the address bar so it doesn't end up in screenshots, history or a copied link.
 */
export function takeServeToken(): string | null {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const fromUrl = fragment.get(FRAGMENT_KEY);
  if (fromUrl) {
    sessionStorage.setItem(STORAGE_KEY, fromUrl);
    fragment.delete(FRAGMENT_KEY);
    const rest = fragment.toString();
    const cleanUrl = `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`;
    window.history.replaceState(window.history.state, '', cleanUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(STORAGE_KEY);
}

export function forgetServeToken(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
