import type { CaptureSummary } from '../../../../src-shared/domain/capture.ts';
import { formatByteSize } from '../../format/byte-size.ts';
import { formatTime } from '../../format/time-format.ts';
import { ListBox } from '../ui/ListBox.tsx';
import { captureOrigin } from './capture-origin.ts';
import { captureReply } from './capture-reply.ts';
import { captureTarget } from '../../../../src-shared/domain/capture-target.ts';
import { CaptureChecks } from './CheckBadge.tsx';

export interface CaptureListProps {
  captures: readonly CaptureSummary[];
  selectedId: string | null;
  onSelect(id: string): void;
  /** The Delete key on the selected capture. */
  onDelete(id: string): void;
}

const captureId = (capture: CaptureSummary) => capture.id;

export function CaptureList({ captures, selectedId, onSelect, onDelete }: CaptureListProps) {
  return (
    <ListBox
      onItemKey={(key, id) => key === 'Delete' && onDelete(id)}
      id="capture-list"
      label="Captured requests"
      items={captures}
      itemId={captureId}
      selectedId={selectedId}
      onSelect={onSelect}
      testId="capture-list"
      renderItem={(capture) => (
        <div className="row-stack">
          <div className="row-line">
            <span className="row-title mono">
              <span className="method">{capture.method}</span> {captureTarget(capture)}
            </span>
            <span className="row-meta">
              <CaptureChecks capture={capture} /> {formatTime(capture.receivedAt)}
            </span>
          </div>
          <div className="row-line muted">
            <span className="row-ellipsis">
              {capture.method === 'OPTIONS' ? 'validation handshake' : (capture.contentType ?? 'no content type')} · from {captureOrigin(capture)}
            </span>
            <span className="row-meta">
              {formatByteSize(capture.bodySize)} · {captureReply(capture).text.toLowerCase()}
            </span>
          </div>
        </div>
      )}
    />
  );
}
