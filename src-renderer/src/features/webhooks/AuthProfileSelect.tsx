import { useState } from 'react';
import { createPortal } from 'react-dom';
import type { AuthProfile, AuthProfileKind } from '../../../../src-shared/domain/auth-profile.ts';
import { fieldMessageId } from '../ui/FormField.tsx';
import { AuthProfileDialog } from './AuthProfileDialog.tsx';

export interface AuthProfileSelectProps {
  id: string;
  /** The kinds the vendor uses; other profiles are not offered. */
  kinds: readonly AuthProfileKind[];
  profiles: readonly AuthProfile[];
  value: string | null;
  /** What choosing no profile means, e.g. "No authentication". */
  noneLabel: string;
  error?: string | null;
  onChange(authProfileId: string | null): void;
}

/** A choice among the auth profiles a vendor can use, with ways to make one or edit the chosen one on the spot. */
export function AuthProfileSelect({ id, kinds, profiles, value, noneLabel, error, onChange }: AuthProfileSelectProps) {
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<AuthProfile | null>(null);
  const chosen = profiles.find((profile) => profile.id === value);
  return (
    <div className="input-group">
      <select
        id={id}
        className="input"
        value={value ?? ''}
        aria-invalid={Boolean(error) || undefined}
        aria-describedby={fieldMessageId(id)}
        onChange={(change) => onChange(change.target.value || null)}
      >
        <option value="">{noneLabel}</option>
        {profiles
          .filter((profile) => kinds.includes(profile.kind))
          .map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.name} ({profile.kind})
            </option>
          ))}
      </select>
      {kinds.some((kind) => kind !== 'none') && (
        <button type="button" className="button" onClick={() => setCreating(true)}>
          New profile…
        </button>
      )}
      {chosen && (
        <button type="button" className="button" onClick={() => setEditing(chosen)}>
          Edit…
        </button>
      )}
      {/* Portaled: the select usually sits in a form of its own, and forms must not nest. */}
      {createPortal(
        // Keys stay in these dialogs: through the portal they would reach the enclosing form's submit shortcut.
        // biome-ignore lint/a11y/noStaticElementInteractions: not an interaction, a wall that stops key events bubbling out of the portal.
        <div onKeyDown={(event) => event.stopPropagation()}>
          <AuthProfileDialog
            open={creating}
            kinds={kinds}
            onClose={() => setCreating(false)}
            onSaved={(profile) => {
              setCreating(false);
              onChange(profile.id);
            }}
          />
          {editing && <AuthProfileDialog open kinds={kinds} profile={editing} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />}
        </div>,
        document.body,
      )}
    </div>
  );
}
