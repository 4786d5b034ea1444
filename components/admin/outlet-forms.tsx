"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus, FormSubmit } from "@/components/ui/form-status";
import { mergeOutletsAction, renameOutletAction, setOutletDomainAction } from "@/lib/actions/outlets";
import type { ActionState } from "@/lib/errors";

const FIELD = "rounded-md border border-gray-300 bg-white px-2 py-1 text-sm";

function OutletSelect({ name, label, outlets }: { name: string; label: string; outlets: MergeOutletsFormProps["outlets"] }) {
  return (
    <label className="block text-sm font-medium">
      {label}
      <select name={name} required defaultValue="" className={`${FIELD} mt-1 block py-2`}>
        <option value="" disabled>
          Choose an outlet
        </option>
        {outlets.map((outlet) => (
          <option key={outlet.id} value={outlet.id}>
            {outlet.name} ({outlet.articleCount})
          </option>
        ))}
      </select>
    </label>
  );
}

type InlineFieldProps = {
  outletId: string;
  action: (formData: FormData) => void;
  state: ActionState;
  isPending: boolean;
  field: { name: string; label: string; value: string; placeholder?: string; required?: boolean; width: string };
  submit: string;
};

/** One field and its button, saved on its own. */
function InlineField({ outletId, action, state, isPending, field, submit }: InlineFieldProps) {
  const id = `${field.name}-${outletId}`;
  return (
    <form action={action} className="flex flex-wrap items-center gap-1">
      <input type="hidden" name="outletId" value={outletId} />
      <label className="sr-only" htmlFor={id}>
        {field.label}
      </label>
      <input
        id={id}
        key={field.value}
        name={field.name}
        defaultValue={field.value}
        placeholder={field.placeholder}
        required={field.required}
        maxLength={253}
        className={`${FIELD} ${field.width}`}
      />
      <Button type="submit" variant="secondary" disabled={isPending}>
        {submit}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}

export type OutletRowFormsProps = { outlet: { id: string; name: string; domain: string | null } };

/** An outlet's rename and site-address forms, one row of the Outlets page. */
export function OutletRowForms({ outlet }: OutletRowFormsProps) {
  const [renameState, renameAction, isRenaming] = useActionState(renameOutletAction, {});
  const [domainState, domainAction, isSettingDomain] = useActionState(setOutletDomainAction, {});
  return (
    <div className="flex flex-col gap-2 lg:flex-row lg:flex-wrap lg:items-center">
      <InlineField
        outletId={outlet.id}
        action={renameAction}
        state={renameState}
        isPending={isRenaming}
        field={{ name: "name", label: `Name of ${outlet.name}`, value: outlet.name, required: true, width: "w-full sm:w-56" }}
        submit="Rename"
      />
      <InlineField
        outletId={outlet.id}
        action={domainAction}
        state={domainState}
        isPending={isSettingDomain}
        field={{ name: "domain", label: `Site address of ${outlet.name}`, value: outlet.domain ?? "", placeholder: "example.com", width: "w-full sm:w-44" }}
        submit="Save address"
      />
    </div>
  );
}

export type MergeOutletsFormProps = { outlets: { id: string; name: string; articleCount: number }[] };

/** Merges one outlet into another: the first one's articles move to the second, and the first is removed. */
export function MergeOutletsForm({ outlets }: MergeOutletsFormProps) {
  const [state, action, isPending] = useActionState(mergeOutletsAction, {});
  return (
    <form action={action} key={state.at ?? 0} className="space-y-3 rounded-lg border border-gray-200 bg-white p-4" aria-labelledby="merge-title">
      <h2 id="merge-title" className="font-semibold">
        Merge two outlets
      </h2>
      <p className="text-sm text-gray-600">
        The first outlet’s articles move to the second, and the first is removed. Use it when one outlet was saved under two names.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <OutletSelect name="outletId" label="Merge" outlets={outlets} />
        <OutletSelect name="intoId" label="into" outlets={outlets} />
      </div>
      <FormSubmit label="Merge outlets" isPending={isPending} state={state} />
    </form>
  );
}
