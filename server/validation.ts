/**
 * Input validation with zod: one helper that turns a schema failure into a 400.
 */
import type { z } from 'zod';
import { DomainError } from './domain/errors';

/** Parses `data` with `schema` or throws a 400 naming the first bad field. */
export function parse<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const keys = issue && 'keys' in issue && Array.isArray(issue.keys) ? issue.keys.join(', ') : '';
  const field = [...(issue?.path ?? []).map(String), keys].filter(Boolean).join('.');
  throw new DomainError(
    'bad_input',
    'invalid_input',
    `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid input'}`,
  );
}
