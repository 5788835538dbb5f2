import { useState } from 'react';
import type { NeededSecret } from '../../../../src-shared/domain/workspace-file.ts';
import type { VendorId } from '../../../../src-shared/domain/vendor.ts';
import { useNavigation } from '../../stores/navigation-store.ts';
import { useReceiver } from '../../stores/receiver-store.ts';
import { useVendorAccounts } from '../../stores/vendor-accounts-store.ts';
import { useWebhooks } from '../../stores/webhooks-store.ts';
import { AuthProfileDialog } from '../webhooks/AuthProfileDialog.tsx';
import { SECTION_LABELS } from './workspace-sections.ts';

export interface NeededSecretsListProps {
  secrets: readonly NeededSecret[];
  /** After the import: each entry gets a way to where its secret is set. Before it, they are only listed. */
  withLinks?: boolean;
  /** Called before leaving for another page. */
  onLeave?(): void;
}

// The engine's hint speaks to the CLI (edit the file, import again); here the profile's dialog sets it.
const AUTH_PROFILE_HINT = 'Created without it: deliveries that use this profile fail until it has one.';

/** Where each kind of secret is set again: auth profiles here, in their dialog; the rest on their page. */
function SecretLink({ secret, onLeave, onEditProfile }: { secret: NeededSecret; onLeave(): void; onEditProfile(name: string): void }) {
  const leaveFor = (go: () => void) => () => {
    onLeave();
    go();
  };
  if (secret.section === 'authProfiles') {
    return (
      <button type="button" className="link-button" onClick={() => onEditProfile(secret.name)}>
        Set the {secret.field}…
      </button>
    );
  }
  if (secret.section === 'vendorAccounts') {
    return (
      <button type="button" className="link-button" onClick={leaveFor(() => useVendorAccounts.getState().openVendor(secret.name as VendorId))}>
        Open the Vendors page
      </button>
    );
  }
  if (secret.section === 'bins') {
    const openBin = () => {
      void useReceiver.getState().setBinFilter(secret.name);
      useNavigation.getState().go('receiver');
    };
    return (
      <button type="button" className="link-button" onClick={leaveFor(openBin)}>
        Open the bin on the Receiver page
      </button>
    );
  }
  return null;
}

export function NeededSecretsList({ secrets, withLinks = false, onLeave = () => undefined }: NeededSecretsListProps) {
  const profiles = useWebhooks((state) => state.authProfiles);
  const [editingName, setEditingName] = useState<string | null>(null);
  const editing = profiles.find((profile) => profile.name === editingName);
  return (
    <>
      <ul className="plain-list needed-secrets" data-testid="workspace-needed-secrets">
        {secrets.map((secret) => (
          <li key={`${secret.section}:${secret.name}:${secret.field}`} data-section={secret.section}>
            <strong>{SECTION_LABELS[secret.section]}</strong> · {secret.name} · <span className="mono">{secret.field}</span>
            {withLinks && (
              <>
                {' — '}
                <SecretLink secret={secret} onLeave={onLeave} onEditProfile={setEditingName} />
              </>
            )}
            <div className="muted small">{secret.section === 'authProfiles' ? AUTH_PROFILE_HINT : secret.hint}</div>
          </li>
        ))}
      </ul>
      {editing && <AuthProfileDialog open profile={editing} onClose={() => setEditingName(null)} onSaved={() => setEditingName(null)} />}
    </>
  );
}
