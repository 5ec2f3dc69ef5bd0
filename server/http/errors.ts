/**
 * One error shape for the API: `{ error: { code, message } }` with the right status.
 * Unexpected errors are logged and answered with a plain 500; no stack reaches a client.
 */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { DomainError, type FailureKind } from '../domain/errors';
import { ThrottledError } from '../domain/throttle';

const STATUS: Record<FailureKind, number> = {
  bad_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  filtered: 422,
  rate_limited: 429,
  paused: 423,
};

/** Sends the error shape. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/** 404 JSON for any `/api` path no route matched. */
export const apiNotFound: RequestHandler = (req, res) => {
  sendError(res, 404, 'not_found', `No such API route: ${req.method} ${req.path}`);
};

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

/** The last middleware: maps known failures, hides the rest. */
export function errorHandler(log: (msg: string, err: unknown) => void): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof ThrottledError)
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil(err.retryAfterMs / 1000))));
    if (err instanceof DomainError) return sendError(res, STATUS[err.kind], err.code, err.message);
    const bp = err as BodyParserError;
    if (bp?.type === 'entity.parse.failed')
      return sendError(res, 400, 'malformed_json', 'The request body is not valid JSON.');
    if (bp?.type === 'entity.too.large') return sendError(res, 400, 'body_too_large', 'The request body is too large.');
    if (bp?.type === 'encoding.unsupported' || bp?.type === 'charset.unsupported')
      return sendError(res, 400, 'bad_encoding', 'The request body encoding is not supported.');
    if (typeof bp?.status === 'number' && bp.status >= 400 && bp.status < 500)
      return sendError(res, bp.status, 'bad_request', 'The request could not be read.');
    log('unexpected error', err);
    sendError(res, 500, 'internal', 'Something went wrong on the server.');
  };
}
