import { useAppInfo } from '../../stores/app-info-store.ts';
import { useNavigation } from '../../stores/navigation-store.ts';
import { CopyButton } from '../ui/CopyButton.tsx';
import { TimeScaleControl } from './TimeScaleControl.tsx';
import { VIEW_TITLES } from './view-titles.ts';

/** The page's name on the left; on the right, where this workspace lives and where its receiver listens. */
export function TopBar() {
  const view = useNavigation((state) => state.view);
  const info = useAppInfo((state) => state.info);
  const { label, summary } = VIEW_TITLES[view];

  return (
    <header className="topbar">
      <div className="topbar-title">
        <h1>{label}</h1>
        <span className="topbar-summary">{summary}</span>
      </div>
      {info && (
        <dl className="topbar-facts" data-testid="app-info">
          <div className="topbar-fact">
            <dt>Receiver</dt>
            <dd className="mono" data-testid="receiver-url">
              {info.receiverUrl}
            </dd>
            <CopyButton text={info.receiverUrl} label="Copy receiver URL" />
          </div>
          <TimeScaleControl />
          <div className="topbar-fact topbar-fact-data">
            <dt>Data</dt>
            <dd className="mono topbar-path" title={info.dataDir}>
              {/* The dd runs right to left so that a long path loses its start, not its end; the
                  path itself stays left to right, or its leading "/" would move to the end. */}
              <span dir="ltr" data-testid="data-dir">
                {info.dataDir}
              </span>
            </dd>
          </div>
          <div className="topbar-fact topbar-fact-version">
            <dt>Version</dt>
            <dd className="mono" data-testid="app-version">
              {info.version}
            </dd>
          </div>
        </dl>
      )}
    </header>
  );
}
