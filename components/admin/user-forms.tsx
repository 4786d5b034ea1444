"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus, FormSubmit } from "@/components/ui/form-status";
import { changeRoleAction, createUserAction, resetPasswordAction, setActiveAction } from "@/lib/actions/users";
import type { ActionState } from "@/lib/errors";
import { MIN_PASSWORD_LENGTH, ROLES } from "@/lib/validations/auth";

const FIELD = "mt-1 block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm";

function Status({ state }: { state: ActionState<{ password: string } | undefined> }) {
  return (
    <FormStatus state={state}>
      {state.data?.password ? (
        <code data-testid="new-password" className="ml-2 select-all rounded bg-gray-100 px-1.5 py-0.5 font-mono">
          {state.data.password}
        </code>
      ) : null}
    </FormStatus>
  );
}

export function NewUserForm() {
  const [state, action, isPending] = useActionState(createUserAction, {});
  return (
    <form action={action} key={state.at ?? 0} className="space-y-3 rounded-lg border border-gray-200 bg-white p-4" aria-labelledby="new-user-title">
      <h2 id="new-user-title" className="font-semibold">
        Add a teammate
      </h2>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-4">
        <label className="block text-sm font-medium">
          Email
          <input name="email" type="email" required className={FIELD} />
        </label>
        <label className="block text-sm font-medium">
          Name
          <input name="name" maxLength={200} className={FIELD} />
        </label>
        <label className="block text-sm font-medium">
          Role
          <select name="role" defaultValue="viewer" className={FIELD}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          Initial password
          <input name="password" type="password" required minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" className={FIELD} />
        </label>
      </div>
      <FormSubmit label="Add user" isPending={isPending} state={state} />
    </form>
  );
}

export type UserRowActionsProps = { user: { id: string; email: string; role: string; isActive: boolean }; isSelf: boolean };

export function UserRowActions({ user, isSelf }: UserRowActionsProps) {
  const [roleState, roleAction, isRolePending] = useActionState(changeRoleAction, {});
  const [activeState, activeAction, isActivePending] = useActionState(setActiveAction, {});
  const [passwordState, passwordAction, isPasswordPending] = useActionState(resetPasswordAction, {});
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={roleAction} className="flex items-center gap-1">
        <input type="hidden" name="userId" value={user.id} />
        <label className="sr-only" htmlFor={`role-${user.id}`}>
          Role of {user.email}
        </label>
        <select
          id={`role-${user.id}`}
          key={user.role}
          name="role"
          defaultValue={user.role}
          className="rounded-md border border-gray-300 bg-white px-2 py-1 text-sm"
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary" disabled={isRolePending} aria-label={`Change role of ${user.email}`}>
          Change role
        </Button>
      </form>
      {isSelf ? null : (
        <form action={activeAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="isActive" value={user.isActive ? "false" : "true"} />
          <Button type="submit" variant="secondary" disabled={isActivePending} aria-label={`${user.isActive ? "Deactivate" : "Reactivate"} ${user.email}`}>
            {user.isActive ? "Deactivate" : "Reactivate"}
          </Button>
        </form>
      )}
      <form action={passwordAction}>
        <input type="hidden" name="userId" value={user.id} />
        <Button type="submit" variant="ghost" disabled={isPasswordPending} aria-label={`Reset password of ${user.email}`}>
          Reset password
        </Button>
      </form>
      <Status state={roleState} />
      <Status state={activeState} />
      <Status state={passwordState} />
    </div>
  );
}
