import { useEffect, useState } from 'react';
import { useAppInfo } from '../../stores/app-info-store.ts';
import { useReceiver } from '../../stores/receiver-store.ts';
import { CommandLine } from '../ui/CommandLine.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { LoadingState } from '../ui/LoadingState.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { BinScriptDialog } from './BinScriptDialog.tsx';
import { CaptureDetailView } from './CaptureDetailView.tsx';
import { CaptureList } from './CaptureList.tsx';
import { CaptureRetentionDialog } from './CaptureRetentionDialog.tsx';
import { CapturesPrunedNotice } from './CapturesPrunedNotice.tsx';
import { ImportCapturesDialog } from './ImportCapturesDialog.tsx';
import { ReceiverClientsDialog } from './ReceiverClientsDialog.tsx';
import { BulkReplayDialog } from '../replay/BulkReplayDialog.tsx';
import { formatCountOf } from '../../format/count-format.ts';

function BinFilter() {
  const bins = useReceiver((state) => state.bins);
  const binFilter = useReceiver((state) => state.binFilter);
  return (
    <select
      className="input input-small"
      aria-label="Show captures of bin"
      value={binFilter ?? ''}
      onChange={(event) => void useReceiver.getState().setBinFilter(event.target.value || null)}
      data-testid="bin-filter"
    >
      <option value="">All bins</option>
      {bins.map((bin) => (
        <option key={bin.name} value={bin.name}>
          {bin.name} ({bin.captureCount})
        </option>
      ))}
    </select>
  );
}

/** Searched by the engine as the user pauses typing, so it covers every stored capture, not the 200 listed. */
function CaptureSearch() {
  const search = useReceiver((state) => state.search);
  const [text, setText] = useState(search);
  useEffect(() => {
    if (text === search) return;
    const pause = setTimeout(() => void useReceiver.getState().setSearch(text), 250);
    return () => clearTimeout(pause);
  }, [text, search]);
  return (
    <div className="capture-search">
      <input
        type="search"
        className="input input-small"
        aria-label="Search captures"
        aria-describedby="capture-search-scope"
        placeholder="Search path, headers and body"
        value={text}
        onChange={(event) => setText(event.target.value)}
        data-testid="capture-search"
      />
      {text.trim() !== '' && (
        <p id="capture-search-scope" className="field-hint">
          Any case, in every stored capture. Credential header values (Authorization, cookies, tokens, API keys) are stored sealed and are not searched.
        </p>
      )}
    </div>
  );
}

function ReceiverEmptyState({ receiverUrl }: { receiverUrl: string | null }) {
  const example = `${receiverUrl ?? 'http://127.0.0.1:PORT'}/r/inbox`;
  const curl = `curl -X POST ${example} -H 'content-type: application/json' -d '{"hello":"hooklab"}'`;
  return (
    <EmptyState title="Nothing captured yet" testId="captures-empty">
      <p>
        Every request sent to <span className="mono">{example}</span> (any method, any path under a bin name) is captured here and answered with 200. Point a
        webhook at it, or try:
      </p>
      <CommandLine command={curl} />
    </EmptyState>
  );
}

export function ReceiverPage() {
  const captures = useReceiver((state) => state.captures);
  const load = useReceiver((state) => state.load);
  const selectedId = useReceiver((state) => state.selectedId);
  const detail = useReceiver((state) => state.detail);
  const detailError = useReceiver((state) => state.detailError);
  const receiverUrl = useAppInfo((state) => state.info?.receiverUrl ?? null);
  const binFilter = useReceiver((state) => state.binFilter);
  const searching = useReceiver((state) => state.search.trim() !== '');
  const [scripting, setScripting] = useState<string | null>(null);
  const [showingClients, setShowingClients] = useState(false);
  const [importing, setImporting] = useState(false);
  const [replayingAll, setReplayingAll] = useState(false);
  const [editingRetention, setEditingRetention] = useState(false);
  const [clearing, setClearing] = useState(false);
  /** The capture the delete confirmation is about. */
  const [deleting, setDeleting] = useState<string | null>(null);
  const shownBin = useReceiver((state) => state.bins.find((bin) => bin.name === state.binFilter) ?? null);
  const store = useReceiver.getState();

  useEffect(() => {
    void useReceiver.getState().fetchAll();
  }, []);

  const shownDetail = detail && detail.id === selectedId ? detail : null;

  return (
    <div className="split">
      <section className="pane pane-list" aria-label="Captured requests">
        <div className="pane-toolbar pane-toolbar-wrap">
          <h2 className="pane-title">
            Captures <span className="count">{captures.length}</span>
          </h2>
          <div className="pane-toolbar-actions">
            <BinFilter />
            <button
              type="button"
              className="button button-small"
              disabled={binFilter === null}
              title={binFilter === null ? 'Choose a bin to script its replies' : `How bin "${binFilter}" answers`}
              onClick={() => setScripting(binFilter)}
              data-testid="bin-script-open"
            >
              Replies…
            </button>
            <button
              type="button"
              className="button button-small"
              title="Clients of the receiver's OAuth 2.0 token endpoint"
              onClick={() => setShowingClients(true)}
              data-testid="receiver-clients-open"
            >
              Tokens…
            </button>
            <button
              type="button"
              className="button button-small"
              disabled={shownBin === null || shownBin.captureCount === 0}
              title={shownBin === null ? 'Choose a bin to replay its captures' : `Replay the captures of bin "${shownBin.name}" to one target, at a rate`}
              onClick={() => setReplayingAll(true)}
              data-testid="bulk-replay-open"
            >
              Replay all…
            </button>
            <button
              type="button"
              className="button button-small"
              title="Captures from a HAR file, Hooklab JSON or curl commands"
              onClick={() => setImporting(true)}
              data-testid="import-captures-open"
            >
              Import…
            </button>
            <button
              type="button"
              className="button button-small"
              title="How many captures this workspace keeps before the oldest are pruned"
              onClick={() => setEditingRetention(true)}
              data-testid="capture-retention-open"
            >
              Retention…
            </button>
            <button
              type="button"
              className="button button-small button-danger-quiet"
              disabled={shownBin === null || shownBin.captureCount === 0}
              title={shownBin === null ? 'Choose a bin to clear its captures' : `Delete every capture of bin "${shownBin.name}"`}
              onClick={() => setClearing(true)}
              data-testid="bin-clear-open"
            >
              Clear bin…
            </button>
          </div>
        </div>
        <CaptureSearch />
        <CapturesPrunedNotice onOpenRetention={() => setEditingRetention(true)} />
        {load.status === 'error' && <ErrorBanner error={load.error} onRetry={() => void store.fetchAll()} />}
        {load.status === 'loading' && captures.length === 0 && <LoadingState label="Loading captures…" />}
        {load.status === 'ready' && captures.length === 0 && !searching && <ReceiverEmptyState receiverUrl={receiverUrl} />}
        {load.status === 'ready' && captures.length === 0 && searching && (
          <EmptyState title="No capture matches" testId="captures-no-match">
            No capture{binFilter ? ` of bin “${binFilter}”` : ''} holds this text in its path, query, body or plain headers. Credential headers are sealed and
            not searched.
          </EmptyState>
        )}
        {captures.length > 0 && <CaptureList captures={captures} selectedId={selectedId} onSelect={(id) => store.select(id)} onDelete={setDeleting} />}
      </section>
      <BinScriptDialog bin={scripting} onClose={() => setScripting(null)} />
      <ReceiverClientsDialog open={showingClients} onClose={() => setShowingClients(false)} />
      <ImportCapturesDialog open={importing} onClose={() => setImporting(false)} />
      <CaptureRetentionDialog open={editingRetention} onClose={() => setEditingRetention(false)} />
      <ConfirmDialog
        open={clearing && shownBin !== null}
        title={`Clear bin “${shownBin?.name ?? ''}”?`}
        confirmLabel="Delete captures"
        onClose={() => setClearing(false)}
        onConfirm={() => store.clearBin(shownBin!.name)}
      >
        <p>
          {formatCountOf(shownBin?.captureCount ?? 0, 'capture', 'captures')} of this bin will be deleted for good. The bin, its URL and how it answers stay;
          replays already sent stay in the delivery history.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this capture?"
        confirmLabel="Delete capture"
        onClose={() => setDeleting(null)}
        onConfirm={() => store.deleteCapture(deleting!)}
      >
        <p>The request, its headers and its body are deleted for good; replays already sent stay in the delivery history.</p>
      </ConfirmDialog>
      {shownBin && (
        <BulkReplayDialog
          key={shownBin.name}
          open={replayingAll}
          bin={shownBin.name}
          captureCount={shownBin.captureCount}
          defaultUrl={`${receiverUrl ?? ''}/r/${shownBin.name}`}
          onClose={() => setReplayingAll(false)}
        />
      )}
      <section className="pane pane-detail" aria-label="Capture details">
        {detailError && <ErrorBanner error={detailError} onRetry={() => selectedId && store.select(selectedId)} />}
        {shownDetail ? (
          <CaptureDetailView capture={shownDetail} onDelete={() => setDeleting(shownDetail.id)} />
        ) : selectedId ? (
          !detailError && <LoadingState label="Loading capture…" />
        ) : (
          captures.length > 0 && <EmptyState title="Pick a capture">Choose a request on the left to see its headers and body as received.</EmptyState>
        )}
      </section>
    </div>
  );
}
