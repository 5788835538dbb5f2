import type { DeliveryRules } from '../../../../src-shared/domain/delivery-rules.ts';
import { vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { OutcomeRulesTable } from './OutcomeRulesTable.tsx';
import { exactDelays, RetryScheduleList } from './RetryScheduleList.tsx';

/** Everything that decides what happens to a delivery, as the engine reports it. */
export function DeliveryRulesView({ rules }: { rules: DeliveryRules }) {
  return (
    <div className="delivery-rules" data-testid="delivery-rules">
      <h3>Which responses count</h3>
      <OutcomeRulesTable outcomes={rules.outcomes} />
      {rules.vendorDefaults.map((vendorDefault) => (
        <div key={vendorDefault.vendor}>
          <h3>Automatic retries: {vendorCatalogs[vendorDefault.vendor].label} default</h3>
          <RetryScheduleList delays={exactDelays(vendorDefault.scheduleMs)} testId="vendor-schedule" />
          <p className="field-hint">{vendorDefault.source}. A webhook can set its own schedule in its form.</p>
        </div>
      ))}
      <h3>Manual retry and re-delivery</h3>
      <p>
        Retrying a failed delivery (or re-delivering a succeeded one) gives it up to {rules.manualRetryAttempts} new tries: the first at once, the others at the
        retry schedule's intervals. The event id stays the same, so a receiver can tell a repeat from a new event.
      </p>
    </div>
  );
}
