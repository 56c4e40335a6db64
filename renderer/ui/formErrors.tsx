import type { FieldErrors, FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import type { MutationError } from '../../shared/mutations';
import { useErrorText } from '../i18n';
import { fromFormError, toFormErrors } from './formResolver';

type ErrorLike = { type?: unknown; message?: unknown };

function at(errors: FieldErrors, path: string): ErrorLike | undefined {
  let node: unknown = errors;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node && typeof node === 'object' && 'type' in node ? node : undefined;
}

/**
 * The error text of a form field, in the user's language and naming the field:
 * `err('code', label)` → "Course code: Use 2 to 20 capital letters…".
 */
export function useFieldError<T extends FieldValues>(errors: FieldErrors<T>) {
  const errorText = useErrorText();
  return (path: string, label: string): string | undefined => {
    const error = fromFormError(at(errors, path));
    return error ? errorText(error, label) : undefined;
  };
}

/** Every error of a form, flattened to paths, for the summary shown above the form. */
export function errorPaths(errors: FieldErrors, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object' || key === 'ref') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if ('type' in value && typeof (value as ErrorLike).type === 'string') paths.push(path);
    else paths.push(...errorPaths(value as FieldErrors, path));
  }
  return paths;
}

/**
 * Shows a mutation's refusal on the form: on the fields it names (focusing the first), or at
 * the top of the form when it names none.
 */
export function showRefusal<T extends FieldValues>(
  error: MutationError,
  setError: UseFormSetError<T>,
): void {
  const fields = error.fields.length
    ? error.fields
    : [{ path: '', code: error.code, params: error.params }];
  for (const path of errorPaths(toFormErrors<T>(fields))) {
    const field = fields.find((f) => f.path === path) ?? fields[0]!;
    setError(
      (path || 'root') as FieldPath<T>,
      { type: field.code, message: JSON.stringify(field.params) },
      { shouldFocus: true },
    );
  }
}
