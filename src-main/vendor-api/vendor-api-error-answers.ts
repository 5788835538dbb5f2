import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { VendorApiEndpoint } from '../../src-shared/domain/vendor-api.ts';

/** A status fit to answer with: an error without one, or with a success or redirect status, is a failure of Hooklab's. */
export function refusalStatus(error: { statusCode?: number }): number {
  return error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
}

/** What a client learns of an unexpected failure: its message may name internals. */
export const INTERNAL_FAILURE_MESSAGE = 'The request failed inside Hooklab';

/** The methods a vendor path may take; any other of these on a known path is 405. */
const METHODS: readonly VendorApiEndpoint['method'][] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export interface VendorErrorAnswers {
  /** Answers an error the vendor's own code threw (its error class, an engine refusal); false leaves it to `answer`. */
  own: (error: unknown, reply: FastifyReply) => FastifyReply | false;
  /** Answers a status and message in the vendor's error shape. */
  answer: (reply: FastifyReply, status: number, message: string) => FastifyReply;
}

/**
 * Makes every error of a vendor's scope come back in the vendor's shape, not fastify's
 * `{statusCode, code, error, message}`: fastify's own refusals (413 body too large, 415, a bad
 * Content-Length...), a path no route has (404) and a method a known path does not take (405, with
 * Allow). `routes` are the scope's, paths relative to its prefix in fastify's `:param` form. A 408
 * is written by the server before any route is known, so it keeps fastify's shape.
 */
export function registerVendorErrorAnswers(scope: FastifyInstance, routes: readonly { method: string; url: string }[], answers: VendorErrorAnswers): void {
  scope.setErrorHandler((error: FastifyError, _request, reply) => {
    const answered = answers.own(error, reply);
    if (answered) return answered;
    const status = refusalStatus(error);
    return answers.answer(reply, status, status >= 500 ? INTERNAL_FAILURE_MESSAGE : error.message);
  });
  scope.setNotFoundHandler((request, reply) => answers.answer(reply, 404, `${request.method} ${request.url} maps to no resource`));
  for (const url of new Set(routes.map((route) => route.url))) {
    const allowed = routes.filter((route) => route.url === url).map((route) => route.method);
    const refused = METHODS.filter((method) => !allowed.includes(method));
    if (refused.length === 0) continue;
    scope.route({
      method: [...refused],
      url,
      handler: (request, reply) =>
        answers.answer(
          reply.header('allow', allowed.join(', ')),
          405,
          `${request.routeOptions.url} does not take ${request.method}; it takes ${allowed.join(', ')}`,
        ),
    });
  }
}
