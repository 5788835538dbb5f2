import { useState } from 'react';
import { appApi } from '../../api/app-api.ts';
import { toUiError } from '../../api/ui-error.ts';

interface IssuedClient {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
}

/** Registers a client with the receiver's own OAuth token endpoint and hands its credentials to the form. */
export function BuiltInTokenEndpointButton({ clientName, onIssued }: { clientName: string; onIssued(client: IssuedClient): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issuedTo, setIssuedTo] = useState<string | null>(null);

  const issue = async () => {
    setBusy(true);
    setError(null);
    try {
      const { client, clientSecret } = await appApi().createReceiverClient({ name: clientName });
      onIssued({ tokenUrl: client.tokenUrl, clientId: client.clientId, clientSecret });
      setIssuedTo(client.name);
    } catch (caught) {
      setError(toUiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="notice" data-testid="built-in-token-endpoint">
      <button type="button" className="button button-small" disabled={busy} onClick={issue}>
        {busy ? 'Registering…' : 'Use Hooklab’s built-in token endpoint'}
      </button>{' '}
      <span className="field-hint">
        {issuedTo
          ? `Client “${issuedTo}” registered with the receiver; its token URL, id and secret are filled in below.`
          : 'Registers a client with the receiver, which then issues JWTs a bin can check (Expected auth: issued token).'}
      </span>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
