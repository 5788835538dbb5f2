import type { VendorApiCall } from '../../../../src-shared/domain/vendor-api.ts';
import { vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { formatDuration, formatTimestamp } from '../../format/time-format.ts';
import { HttpMessageView } from '../deliveries/HttpMessageView.tsx';
import { KeyValueList } from '../ui/KeyValueList.tsx';
import { Section } from '../ui/Section.tsx';

/** A status as a pill's tone: answered, redirected, refused (the client's fault), failed. */
export function statusTone(status: number): string {
  if (status < 300) return 'pill-success';
  if (status < 400) return 'pill-info';
  if (status < 500) return 'pill-warning';
  return 'pill-danger';
}

/** One call to an emulated API, as the client sent it (credentials shortened) and as Hooklab answered. */
export function VendorApiCallView({ call }: { call: VendorApiCall }) {
  return (
    <div className="vendor-api-call" data-testid="vendor-api-call-detail">
      <div className="vendor-api-call-head">
        <h3 className="mono row-ellipsis" title={call.url}>
          <span className="method">{call.method}</span> {call.url}
        </h3>
        <span className={`pill ${statusTone(call.status)}`}>{call.status}</span>
      </div>
      <KeyValueList
        label="Call"
        items={[
          ['API', call.vendor ? vendorCatalogs[call.vendor].label : 'None: no vendor API has this path'],
          ['Received at', formatTimestamp(call.at)],
          ['Took', formatDuration(call.durationMs)],
        ]}
      />
      <Section title="Request">
        <HttpMessageView kind="Request" headers={call.requestHeaders} body={call.requestBody} />
      </Section>
      <Section title="Response">
        <HttpMessageView kind="Response" headers={call.responseHeaders} body={call.responseBody} />
      </Section>
    </div>
  );
}
