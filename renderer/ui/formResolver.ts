import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { fieldErrors, type FieldError } from '../../shared/errors';

/**
 * A react-hook-form resolver over a shared zod schema that keeps our error codes: each field
 * error's `type` is the code and its `message` the JSON of its parameters, so the form shows
 * the same translated text as every other error in the app.
 */
export function sharedSchemaResolver<In extends FieldValues, Out extends FieldValues>(
  schema: z.ZodType<Out, In>,
): Resolver<In, unknown, Out> {
  return (values) => {
    const parsed = schema.safeParse(values);
    if (parsed.success) return { values: parsed.data, errors: {} };
    return { values: {}, errors: toFormErrors<In>(fieldErrors(parsed.error)) };
  };
}

/** Turns field errors (from a schema or a refused mutation) into react-hook-form's shape. */
export function toFormErrors<T extends FieldValues>(errors: readonly FieldError[]): FieldErrors<T> {
  const result: Record<string, unknown> = {};
  for (const error of errors) {
    const keys = error.path === '' ? ['root'] : error.path.split('.');
    let node = result;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) {
        node[key] ??= { type: error.code, message: JSON.stringify(error.params) };
      } else {
        node[key] ??= {};
        node = node[key] as Record<string, unknown>;
      }
    });
  }
  return result as FieldErrors<T>;
}

/** Reads the code and parameters back from a form field error. */
export function fromFormError(error: { type?: unknown; message?: unknown } | undefined): FieldError | undefined {
  if (!error || typeof error.type !== 'string') return undefined;
  let params = {};
  try {
    params = typeof error.message === 'string' && error.message ? (JSON.parse(error.message) as object) : {};
  } catch {
    params = {};
  }
  return { path: '', code: error.type as FieldError['code'], params };
}
