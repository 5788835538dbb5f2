/** One string per header name (a repeated header's values joined), as sent or received. */
export type HttpHeaders = Record<string, string>;

export interface AttemptRequest {
  method: string;
  url: string;
  headers: HttpHeaders;
  body: string;
}
