import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setAppApi } from './api/app-api.ts';
import { pickTransport } from './api/transport.ts';
import { AccessScreen } from './features/shell/AccessScreen.tsx';
import { App } from './features/shell/App.tsx';
// First, so the chosen (or the OS's) theme is on the page before anything paints.
import './stores/theme-store.ts';
import './styles/theme.css';
import './styles/controls.css';
import './styles/layout.css';
import './styles/content.css';
import './styles/conditions.css';
import './styles/deliveries.css';
import './styles/delivery-rules.css';
import './styles/bulk-replay.css';
import './styles/production-export.css';
import './styles/scenarios.css';
import './styles/workspace-file.css';
import './styles/endpoint-check.css';
import './styles/onboarding.css';
import './styles/vendor-apis.css';

const transport = pickTransport();
const root = createRoot(document.getElementById('root')!);

if (transport.kind === 'missing-token') {
  root.render(<AccessScreen reason="missing" />);
} else {
  setAppApi(transport.api);
  root.render(
    <StrictMode>
      <App api={transport.api} />
    </StrictMode>,
  );
}
