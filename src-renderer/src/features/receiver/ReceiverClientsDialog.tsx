import { useEffect, useState, type FormEvent } from 'react';
import type { CreatedReceiverClient, ReceiverClient } from '../../../../src-shared/domain/receiver-client.ts';
import { appApi } from '../../api/app-api.ts';
import { fieldError, toUiError } from '../../api/ui-error.ts';
import { formatTimestamp } from '../../format/time-format.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { CopyButton } from '../ui/CopyButton.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { FormField, fieldMessageId } from '../ui/FormField.tsx';

const NAME_ID = 'receiver-client-name';

/**
 * Clients of the receiver's OAuth 2.0 token endpoint. A client's secret is shown once, right
 * after it is made; deleting a client makes its next token request fail.
 */
export function ReceiverClientsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const [clients, setClients] = useState<ReceiverClient[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedReceiverClient | null>(null);
  const [deleting, setDeleting] = useState<ReceiverClient | null>(null);

  const refresh = () =>
    appApi()
      .listReceiverClients()
      .then(
        (list) => {
          setClients(list);
          setLoadError(null);
        },
        (error: unknown) => setLoadError(toUiError(error).message),
      );

  // biome-ignore lint/correctness/useExhaustiveDependencies: loads on opening only; refresh is a new function each render.
  useEffect(() => {
    if (open) void refresh();
    else setCreated(null);
  }, [open]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setNameError(null);
    try {
      const made = await appApi().createReceiverClient({ name });
      setCreated(made);
      setClients((previous) => [...(previous ?? []), made.client]);
      setName('');
    } catch (caught) {
      setNameError(fieldError(toUiError(caught), 'name', 'Name'));
    }
  };

  return (
    <Dialog open={open} title="Token endpoint clients" onClose={onClose} size="large" testId="receiver-clients-dialog">
      <p className="field-hint">
        OAuth 2.0 profiles (client credentials) can fetch their Bearer tokens from the receiver itself; bins that expect an issued token accept only tokens it
        signed.
      </p>
      {loadError && (
        <p className="form-error" role="alert">
          {loadError}
        </p>
      )}
      {created && (
        <div className="notice" role="status" data-testid="receiver-client-secret">
          <p>
            Client <strong>{created.client.name}</strong>: secret <code className="mono">{created.clientSecret}</code>{' '}
            <CopyButton text={created.clientSecret} label="Copy client secret" />
          </p>
          <p className="field-hint">Shown only now.</p>
        </div>
      )}
      {clients && clients.length === 0 && <p className="muted">No clients yet.</p>}
      {clients && clients.length > 0 && (
        <table className="kv-table receiver-clients" aria-label="Token endpoint clients" data-testid="receiver-clients">
          <thead>
            <tr>
              <th>Name</th>
              <th>Client id</th>
              <th>Token URL</th>
              <th>Created</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {clients.map((client) => (
              <tr key={client.id}>
                <td>{client.name}</td>
                <td className="mono">
                  {client.clientId} <CopyButton text={client.clientId} label={`Copy client id of ${client.name}`} />
                </td>
                <td className="mono">
                  {client.tokenUrl} <CopyButton text={client.tokenUrl} label="Copy token URL" />
                </td>
                <td className="row-meta">{formatTimestamp(client.createdAt)}</td>
                <td>
                  <button type="button" className="button button-small button-danger-quiet" onClick={() => setDeleting(client)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="form" onSubmit={create} noValidate>
        <FormField htmlFor={NAME_ID} label="New client" error={nameError} hint="A name to tell it apart, e.g. the service it stands for.">
          <div className="input-group">
            <input
              id={NAME_ID}
              className="input"
              value={name}
              autoComplete="off"
              aria-invalid={Boolean(nameError) || undefined}
              aria-describedby={fieldMessageId(NAME_ID)}
              onChange={(change) => setName(change.target.value)}
            />
            <button type="submit" className="button">
              Create client
            </button>
          </div>
        </FormField>
      </form>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this client?"
        confirmLabel="Delete client"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (deleting) await appApi().deleteReceiverClient({ id: deleting.id });
          await refresh();
        }}
      >
        <p>
          Auth profiles using <strong>{deleting?.name}</strong> can no longer get tokens from the receiver; tokens already issued stay valid until they expire.
        </p>
      </ConfirmDialog>
    </Dialog>
  );
}
