import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { type FieldValues, type Resolver, type ResolverOptions, type UseFormProps, useForm } from "react-hook-form";

/** A shared zod schema as the form validates with it (zod 4 implements Standard Schema). */
export type FormSchema<TOut> = StandardSchemaV1<FieldValues, TOut>;

/**
 * The one form hook (CONVENTIONS 17, after create-t3-turbo's `useForm({ schema })`): react-hook-form
 * validated by the procedure's own shared schema, so the form shows the server's Vietnamese messages
 * before anything is sent, and the submit handler receives the procedure's typed input.
 * `toInput` turns what the inputs hold (text such as "1.250.000" or "01/05/2019") into the schema's
 * input. Messages appear on submit and stay until the next submit, as the forms always did.
 */
export function useSchemaForm<TValues extends FieldValues, TOut>({
  schema,
  toInput,
  ...props
}: Omit<UseFormProps<TValues, unknown, TOut>, "resolver"> & {
  schema: FormSchema<TOut>;
  toInput?: (values: TValues) => FieldValues;
}) {
  const resolve = standardSchemaResolver(schema);
  // The schema checks what toInput makes of the values; its messages are keyed by the schema's
  // fields, which are the form's field names, so its error map is the form's.
  const resolver = ((values: TValues, context: unknown, options: ResolverOptions<FieldValues>) =>
    resolve(toInput ? toInput(values) : values, context, options)) as Resolver<TValues, unknown, TOut>;
  return useForm<TValues, unknown, TOut>({
    mode: "onSubmit",
    reValidateMode: "onSubmit",
    shouldFocusError: false,
    ...props,
    resolver,
  });
}
