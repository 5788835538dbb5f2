import { useState } from 'react';
import type { VendorApiAccess, VendorApiCall } from '../../../../src-shared/domain/vendor-api.ts';
import { formatDuration, formatTime } from '../../format/time-format.ts';
import { useVendorApis } from '../../stores/vendor-apis-store.ts';
import { CommandLine } from '../ui/CommandLine.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { ListBox } from '../ui/ListBox.tsx';
import { statusTone, VendorApiCallView } from './VendorApiCallView.tsx';

const callId = (call: VendorApiCall) => call.id;

/** A first call to try, with the workspace's credentials: its answer appears in the log. */
function NoCallsYet({ access }: { access: VendorApiAccess }) {
  if (!access.baseUrl || !access.firstCall) {
    return (
      <EmptyState title="No calls" testId="vendor-api-calls-empty">
        The vendor APIs are off: switch them on under Management API, and the calls clients make appear here as they are answered.
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No calls yet" testId="vendor-api-calls-empty">
      <p>
        Every call to <span className="mono">{access.baseUrl}</span> appears here as it is answered, with its request and response. Try this authenticated call:
      </p>
      <CommandLine command={access.firstCall} />
    </EmptyState>
  );
}

/** The live log of calls to a vendor's API (or to any path of the listener), newest first; the call chosen shows below. */
export function VendorApiCallLog({ access }: { access: VendorApiAccess }) {
  const [everyApi, setEveryApi] = useState(false);
  const allCalls = useVendorApis((store) => store.calls);
  const selectedId = useVendorApis((store) => store.selectedCallId);
  const calls = everyApi ? allCalls : allCalls.filter((call) => call.vendor === access.vendor);
  const selected = calls.find((call) => call.id === selectedId) ?? null;

  return (
    <div className="vendor-api-calls" data-testid="vendor-api-calls">
      <div className="vendor-api-calls-toolbar">
        <span className="muted small" aria-live="polite">
          {calls.length} {calls.length === 1 ? 'call' : 'calls'}, newest first; kept while Hooklab runs
        </span>
        <label className="checkbox-inline">
          <input type="checkbox" checked={everyApi} onChange={(event) => setEveryApi(event.target.checked)} data-testid="vendor-api-calls-every" />
          Every vendor API and unknown paths
        </label>
      </div>
      {calls.length === 0 ? (
        <NoCallsYet access={access} />
      ) : (
        <div className="vendor-api-call-list">
          <ListBox
            id="vendor-api-call-list"
            label="Calls to the vendor API"
            items={calls}
            itemId={callId}
            selectedId={selectedId}
            onSelect={(id) => useVendorApis.getState().selectCall(id)}
            testId="vendor-api-call-list"
            renderItem={(call) => (
              <div className="row-line">
                <span className="row-ellipsis mono">
                  <span className="method">{call.method}</span> {call.url}
                </span>
                <span className="row-meta">
                  <span className={`pill ${statusTone(call.status)}`}>{call.status}</span> {formatTime(call.at)} · {formatDuration(call.durationMs)}
                </span>
              </div>
            )}
          />
        </div>
      )}
      {selected ? (
        <VendorApiCallView call={selected} />
      ) : (
        calls.length > 0 && (
          <p className="muted small vendor-api-call-pick">Choose a call to see its request and response (arrow keys move through the list).</p>
        )
      )}
    </div>
  );
}
