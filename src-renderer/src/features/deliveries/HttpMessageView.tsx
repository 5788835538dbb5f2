import type { HttpHeaders } from '../../../../src-shared/domain/http-message.ts';
import { BodyViewer } from '../../editor/BodyViewer.tsx';
import { HeadersTable } from '../ui/HeadersTable.tsx';

export interface HttpMessageViewProps {
  headers: HttpHeaders;
  body: string;
  /** Names the headers table and the body region. */
  kind: 'Request' | 'Response' | 'Token request' | 'Token response';
}

function contentTypeOf(headers: HttpHeaders): string | null {
  return Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? null;
}

/** The headers and body of one side of an HTTP exchange. */
export function HttpMessageView({ headers, body, kind }: HttpMessageViewProps) {
  return (
    <div className="attempt-part">
      <h4>{kind === 'Request' || kind === 'Response' ? 'Headers' : `${kind} headers`}</h4>
      <HeadersTable headers={headers} label={`${kind} headers`} />
      <h4>{kind === 'Request' || kind === 'Response' ? 'Body' : `${kind} body`}</h4>
      <BodyViewer body={body} contentType={contentTypeOf(headers)} label={`${kind} body`} testId={`${kind.toLowerCase().replace(' ', '-')}-body`} />
    </div>
  );
}
