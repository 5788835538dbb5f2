export interface AccessScreenProps {
  /** `missing`: opened without `#token=…`; `refused`: the token belongs to an earlier run. */
  reason: 'missing' | 'refused';
}

/** Shown instead of the app when serve mode cannot be used without its per-run access token. */
export function AccessScreen({ reason }: AccessScreenProps) {
  return (
    <main className="access-screen" data-testid="access-screen">
      <div className="access-card" role="alert">
        <span className="brand-mark" aria-hidden="true">
          H
        </span>
        <h1>{reason === 'missing' ? 'Hooklab needs its access token' : 'This access token is no longer valid'}</h1>
        {reason === 'missing' ? (
          <p>
            This page was opened without the access token that <code>hooklab serve</code> prints when it starts. Open the full URL from its output, the one
            ending in <code>#token=…</code>.
          </p>
        ) : (
          <p>
            Hooklab refused the token this tab remembered; it was most likely restarted, and every run makes a new one. Open the URL that{' '}
            <code>hooklab serve</code> printed this time.
          </p>
        )}
        <p className="muted">The token keeps other web pages and programs on this machine from reading or changing your workspace.</p>
        <pre className="access-example">{'$ hooklab serve\n  UI:       http://127.0.0.1:7717/#token=…'}</pre>
      </div>
    </main>
  );
}
