import { useEffect, type ComponentType } from 'react';
import type { AppApi } from '../../../../src-shared/contracts/app-contract.ts';
import { forgetServeToken } from '../../api/serve-token.ts';
import { useAppInfo } from '../../stores/app-info-store.ts';
import { subscribeToLiveUpdates } from '../../stores/live-updates.ts';
import { useNavigation, type View } from '../../stores/navigation-store.ts';
import { useWebhooks } from '../../stores/webhooks-store.ts';
import { ConditionPlaygroundPage } from '../conditions/ConditionPlaygroundPage.tsx';
import { EndpointCheckPage } from '../endpoint-check/EndpointCheckPage.tsx';
import { DeliveriesPage } from '../deliveries/DeliveriesPage.tsx';
import { FirePage } from '../fire/FirePage.tsx';
import { ReceiverPage } from '../receiver/ReceiverPage.tsx';
import { ScenariosPage } from '../scenarios/ScenariosPage.tsx';
import { VendorsPage } from '../vendors/VendorsPage.tsx';
import { WebhooksPage } from '../webhooks/WebhooksPage.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { DiscardDraftDialog } from '../ui/DiscardDraftDialog.tsx';
import { Toaster } from '../ui/Toaster.tsx';
import { AccessScreen } from './AccessScreen.tsx';
import { Sidebar } from './Sidebar.tsx';
import { TopBar } from './TopBar.tsx';

const PAGES: Record<View, ComponentType> = {
  webhooks: WebhooksPage,
  vendors: VendorsPage,
  fire: FirePage,
  deliveries: DeliveriesPage,
  receiver: ReceiverPage,
  scenarios: ScenariosPage,
  check: EndpointCheckPage,
  conditions: ConditionPlaygroundPage,
};

export function App({ api }: { api: AppApi }) {
  const view = useNavigation((state) => state.view);
  const infoError = useAppInfo((state) => state.error);
  const refused = infoError?.code === 'unauthorized';

  useEffect(() => {
    void useAppInfo.getState().load();
    // Webhooks feed the navigation count and the Fire page, so they load whatever page opens first.
    void useWebhooks.getState().fetchAll();
    return subscribeToLiveUpdates(api);
  }, [api]);

  useEffect(() => {
    if (refused) forgetServeToken();
  }, [refused]);

  if (refused) return <AccessScreen reason="refused" />;

  const Page = PAGES[view];
  return (
    <div className="app-shell">
      <Sidebar />
      <div className="app-main">
        <TopBar />
        {infoError && <ErrorBanner error={infoError} onRetry={() => void useAppInfo.getState().load()} />}
        <main className="app-content" data-testid={`page-${view}`}>
          <Page />
        </main>
      </div>
      <DiscardDraftDialog />
      <Toaster />
    </div>
  );
}
