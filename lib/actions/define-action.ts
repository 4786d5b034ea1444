import "server-only";
import type { z } from "zod";
import { requireUser, type CurrentUser } from "@/lib/auth/session";
import { invalidInput, toFormState, type ActionState } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export type { ActionState } from "@/lib/errors";

/** What an action's body hands back on success: a message for the form's live region and any data. */
export type ActionSuccess<T> = { message?: string; data?: T };

type ActionOptions<S extends z.ZodType> = {
  /** Who may call: the least role, or "anyone" for the login form. */
  role: Role | "anyone";
  /** The input's schema, shared with the API route and the CLI where they take the same input. */
  schema: S;
  /** Turns the submitted form into the schema's input; default: every field's first value as a string. */
  read?: (formData: FormData) => unknown;
  /** Form fields sent back with a refusal, so the form keeps what was typed (never a password). */
  keep?: readonly string[];
  /** The message when the schema refuses the input (default: its first problem); `fields` names each bad field. */
  refusal?: string;
};

type Caller<R> = R extends "anyone" ? null : CurrentUser;

function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of formData.entries()) if (typeof value === "string" && !(name in fields) && !name.startsWith("$ACTION")) fields[name] = value;
  return fields;
}

/**
 * Every server action is one of these: it loads the caller and checks the role (`requireUser`), parses
 * the input with zod `safeParse`, runs the body, and answers one {@link ActionState} shape. An
 * {@link import("@/lib/errors").AppError} thrown by the body (or a service it calls) becomes the form's
 * error state through `toFormState`; anything unexpected, and Next's `redirect()`/`notFound()`, is thrown
 * on, so `redirect` may be called at the end of a body.
 *
 * The returned function fits `useActionState` (`(previous, formData)`); called from code, it takes the
 * input object itself in place of the form.
 *
 * @example
 * export const deleteNoteAction = defineAction({ role: "viewer", schema: z.object({ id: z.string().min(1) }) }, async ({ id }, user) => {
 *   const { path } = await deleteNote(db, user, id);
 *   revalidatePath(path);
 *   return { message: "Note deleted." };
 * });
 */
export function defineAction<S extends z.ZodType, T = undefined, R extends Role | "anyone" = Role | "anyone">(
  options: ActionOptions<S> & { role: R },
  body: (input: z.output<S>, caller: Caller<R>) => Promise<ActionSuccess<T> | void>,
): (previous: ActionState<T>, input: FormData | z.input<S>) => Promise<ActionState<T>> {
  return async function runAction(_previous: ActionState<T>, input: FormData | z.input<S>): Promise<ActionState<T>> {
    const isForm = input instanceof FormData;
    const values = isForm && options.keep ? Object.fromEntries(options.keep.map((name) => [name, String(input.get(name) ?? "")])) : undefined;
    try {
      const caller = (options.role === "anyone" ? null : await requireUser(options.role)) as Caller<R>;
      const parsed = options.schema.safeParse(isForm ? (options.read ?? formFields)(input) : input);
      if (!parsed.success) throw invalidInput(parsed.error, options.refusal ?? parsed.error.issues[0]?.message);
      const result = await body(parsed.data, caller);
      return { status: "ok", message: result?.message, data: result?.data, at: Date.now() };
    } catch (error) {
      return toFormState<T>(error, values);
    }
  };
}

/**
 * An action for a plain `<form action>` whose result nobody reads (log out, revoke): the action bound to
 * an empty previous state. It still answers its state; the form ignores it.
 */
export function formAction<T, I>(action: (previous: ActionState<T>, input: FormData | I) => Promise<ActionState<T>>): (formData: FormData) => Promise<void> {
  return action.bind(null, {}) as unknown as (formData: FormData) => Promise<void>;
}

export type { CurrentUser };
