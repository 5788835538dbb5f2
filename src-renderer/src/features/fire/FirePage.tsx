import { FireForm } from './FireForm.tsx';
import { RecentEvents } from './RecentEvents.tsx';

export function FirePage() {
  return (
    <div className="split split-wide-list">
      <section className="pane pane-list" aria-label="Fire an event">
        <FireForm />
      </section>
      <section className="pane pane-detail" aria-label="Fired events">
        <div className="pane-toolbar">
          <h2 className="pane-title">Fired from this window</h2>
        </div>
        <div className="pane-scroll">
          <RecentEvents />
        </div>
      </section>
    </div>
  );
}
