import { useEffect } from 'react';
import { VENDOR_IDS } from '../../../../src-shared/domain/vendor.ts';
import { useAppInfo } from '../../stores/app-info-store.ts';
import { useNavigation, VIEWS, type View } from '../../stores/navigation-store.ts';
import { useUnsettledCount } from '../../stores/unsettled-count-store.ts';
import { useWebhooks } from '../../stores/webhooks-store.ts';
import { FirstRunChecklist } from '../onboarding/FirstRunChecklist.tsx';
import { WorkspaceFileButtons } from '../workspace/WorkspaceFileButtons.tsx';
import { ThemeSelect } from './ThemeSelect.tsx';
import { VIEW_TITLES } from './view-titles.ts';

function useNavCounts(): Partial<Record<View, { value: number; title: string }>> {
  const webhookCount = useWebhooks((state) => state.webhooks.length);
  const active = useUnsettledCount((state) => state.count) ?? 0;
  useEffect(() => useUnsettledCount.getState().recount(), []);
  return {
    webhooks: { value: webhookCount, title: `${webhookCount} webhook(s)` },
    ...(active > 0 && { deliveries: { value: active, title: `${active} delivery(ies) not settled yet` } }),
  };
}

export function Sidebar() {
  const view = useNavigation((state) => state.view);
  const go = useNavigation((state) => state.go);
  const info = useAppInfo((state) => state.info);
  const counts = useNavCounts();

  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          H
        </span>
        <span className="brand-name">Hooklab</span>
      </div>
      <ul className="nav-list">
        {VIEWS.map((name) => {
          const count = counts[name];
          return (
            <li key={name}>
              <button type="button" className="nav-item" aria-current={view === name ? 'page' : undefined} data-testid={`nav-${name}`} onClick={() => go(name)}>
                <span className="nav-label">{VIEW_TITLES[name].label}</span>
                {count && (
                  <span className="nav-count" title={count.title}>
                    {count.value}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      <FirstRunChecklist />
      <WorkspaceFileButtons />
      <div className="sidebar-footer">
        <ThemeSelect />
        {info && (
          <>
            <span className="sidebar-vendor">{VENDOR_IDS.length} vendor profiles</span>
            <span className="muted">
              {info.mode} mode · v{info.version}
            </span>
          </>
        )}
      </div>
    </nav>
  );
}
