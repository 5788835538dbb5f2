import type { VendorApisState } from '../../../../src-shared/domain/vendor-api.ts';
import { useVendorApis } from '../../stores/vendor-apis-store.ts';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Switch } from '../ui/Switch.tsx';

/** Where the listener stands, in the words a client developer needs: can my code reach it, and where. */
function listenerStatus({ enabled, url, port }: VendorApisState): { pill: string; text: string; tone: string } {
  if (enabled && url) return { pill: 'On', tone: 'pill-success', text: `Listening on ${url}.` };
  if (enabled)
    return { pill: 'Not listening', tone: 'pill-warning', text: 'On, but this Hooklab does not serve them: start the desktop app or `hooklab serve`.' };
  return {
    pill: 'Off',
    tone: 'pill-muted',
    text: `Clients get no answer.${port ? ` Port ${port} is kept for when they are switched on again.` : ''}`,
  };
}

/** One switch for all three vendor APIs: they share one listener, on a loopback port of their own. */
export function VendorApiSwitch({ state }: { state: VendorApisState }) {
  const switching = useVendorApis((store) => store.switching);
  const switchError = useVendorApis((store) => store.switchError);
  const status = listenerStatus(state);
  return (
    <div className="vendor-api-switch" data-testid="vendor-apis-switch">
      <div className="vendor-api-switch-line">
        <Switch
          id="vendor-apis-enabled"
          label="Serve the vendor management APIs"
          checked={state.enabled}
          onChange={(enabled) => {
            if (!switching) void useVendorApis.getState().setEnabled(enabled);
          }}
        />
        <span className={`pill ${status.tone}`} data-testid="vendor-apis-status">
          {switching ? 'Switching…' : status.pill}
        </span>
      </div>
      <p className="field-hint" data-testid="vendor-apis-status-text">
        {status.text} Zentitle2, FlexNet and Sentinel EMS share this one switch and port; the setting is kept across restarts.
      </p>
      {switchError && <ErrorBanner error={switchError} />}
    </div>
  );
}
