import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import { messageOf } from "@qt/shared/messages/index";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import {
  type FieldErrors,
  type FieldValues,
  type Resolver,
  type ResolverOptions,
  type UseFormProps,
  useForm,
} from "react-hook-form";
import { activeLocale } from "../i18n/I18nProvider.tsx";

/** The schema's messages (catalogue keys with parameters) in the language on screen. */
function translated(errors: FieldErrors): FieldErrors {
  const out: Record<string, unknown> = {};
  for (const [name, error] of Object.entries(errors)) {
    if (error && typeof error === "object" && "message" in error && typeof error.message === "string") {
      out[name] = { ...error, message: messageOf(error.message, activeLocale()) };
    } else out[name] = error && typeof error === "object" ? translated(error as FieldErrors) : error;
  }
  return out as FieldErrors;
}

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
  const resolver = (async (values: TValues, context: unknown, options: ResolverOptions<FieldValues>) => {
    const result = await resolve(toInput ? toInput(values) : values, context, options);
    return { ...result, errors: translated(result.errors) };
  }) as Resolver<TValues, unknown, TOut>;
  return useForm<TValues, unknown, TOut>({
    mode: "onSubmit",
    reValidateMode: "onSubmit",
    shouldFocusError: false,
    ...props,
    resolver,
  });
}
