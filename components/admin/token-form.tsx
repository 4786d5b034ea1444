"use client";

import { useActionState } from "react";
import { createApiTokenAction } from "@/lib/actions/api-tokens";
import { Button } from "@/components/ui/button";

export type TokenFormProps = { users: { id: string; label: string }[] };

export function TokenForm({ users }: TokenFormProps) {
  const [state, action, isPending] = useActionState(createApiTokenAction, {});
  return (
    <form action={action} className="space-y-3 rounded-lg border border-gray-200 bg-white p-4">
      <h2 className="font-semibold">New API token</h2>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        <label className="block text-sm font-medium">
          Name
          <input name="name" required maxLength={100} className="mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 text-sm" />
        </label>
        <label className="block text-sm font-medium">
          Acts as
          <select name="userId" className="mt-1 block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm">
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Button type="submit" disabled={isPending}>
        Create token
      </Button>
      <div aria-live="polite" role="status" className="text-sm">
        {state.status === "error" ? <p className="text-red-700">{state.message}</p> : null}
        {state.data ? (
          <div className="rounded-md bg-green-50 p-3">
            <p>
              Token “{state.data.name}” created. Copy it now; it is not shown again. Send it as <code>Authorization: Bearer …</code>.
            </p>
            <code data-testid="new-token" className="mt-2 block select-all break-all rounded bg-white p-2 font-mono text-xs">
              {state.data.token}
            </code>
          </div>
        ) : null}
      </div>
    </form>
  );
}
