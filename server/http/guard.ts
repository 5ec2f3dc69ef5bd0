/**
 * The write guard: every request that changes or records anything must be JSON
 * (`application/json`, 415 otherwise) and come from this site's own pages (a matching
 * `Origin`, or `Sec-Fetch-Site: same-origin`; 403 `bad_origin` otherwise).
 * `SameSite=Strict` cookies stop other sites, but not another port on the same host or a
 * sibling sub-domain; a form post or `no-cors` fetch can send neither JSON nor a matching Origin.
 * GET and HEAD never change or record anything, so they pass.
 */
import type { RequestHandler } from 'express';
import { writeFromOwnPage } from '../auth/origin';
import { sendError } from './errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a Content-Type header names JSON (`application/json`, with or without parameters). */
export function isJsonType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json';
}

/** Refuses writes that are not same-origin JSON. */
export function writeGuard(allowedOrigins: readonly string[], trustProxy: unknown): RequestHandler {
  return (req, res, next) => {
    if (SAFE.has(req.method)) return next();
    if (!writeFromOwnPage(req, allowedOrigins, trustProxy))
      return sendError(res, 403, 'bad_origin', 'This request did not come from this site’s own pages.');
    if (!isJsonType(req.headers['content-type']))
      return sendError(res, 415, 'unsupported_media_type', 'Send the request body as application/json.');
    next();
  };
}
