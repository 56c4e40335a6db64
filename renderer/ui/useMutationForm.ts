import { useMemo, type FormEvent } from 'react';
import { useForm, type DefaultValues, type FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import type { MutationCall } from '../../shared/mutations';
import { useMutate } from '../db';
import { showRefusal, useFieldError } from './formErrors';
import { sharedSchemaResolver } from './formResolver';
import { useUnsavedChangesGuard } from './UnsavedChangesGuard';

/**
 * A form that saves through one mutation: validated with the shared schema, a refusal shown on
 * the fields it names, the unsaved-changes guard lifted once saved, then `onSaved`.
 */
export function useMutationForm<In extends FieldValues, Out extends FieldValues>({
  schema,
  defaultValues,
  toCall,
  onSaved,
}: {
  schema: z.ZodType<Out, In>;
  defaultValues: DefaultValues<In>;
  toCall: (values: Out) => MutationCall;
  onSaved: () => void;
}) {
  const mutate = useMutate();
  const resolver = useMemo(() => sharedSchemaResolver(schema), [schema]);
  const form = useForm<In, unknown, Out>({ defaultValues, resolver });
  const { errors, isSubmitted, isDirty, isSubmitSuccessful, isSubmitting } = form.formState;
  const err = useFieldError(errors);
  const guard = useUnsavedChangesGuard(isDirty && !isSubmitSuccessful);
  const submit = (event: FormEvent<HTMLFormElement>) =>
    void form
      .handleSubmit(async (values) => {
        const outcome = await mutate(toCall(values));
        if (!outcome.ok) {
          showRefusal(outcome.error, form.setError);
          // Keeps react-hook-form from counting the submit as successful.
          throw new Error('refused');
        }
        guard.allowLeaving();
        onSaved();
      })(event)
      .catch(() => undefined);
  return { ...form, errors, isSubmitted, isSubmitting, err, guard, submit };
}
