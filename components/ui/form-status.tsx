import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

export type FormStatusProps = { state: { status?: "ok" | "error"; message?: string }; children?: ReactNode };

/** A form's outcome, announced to screen readers: red for an error, green for success. */
export function FormStatus({ state, children }: FormStatusProps) {
  return (
    <span role="status" aria-live="polite" className={`text-sm ${state.status === "error" ? "text-red-700" : "text-green-800"}`}>
      {state.message}
      {children}
    </span>
  );
}

export type FormSubmitProps = { label: string; isPending: boolean; state: FormStatusProps["state"] };

/** A form's submit button with its outcome beside it. */
export function FormSubmit({ label, isPending, state }: FormSubmitProps) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="submit" disabled={isPending}>
        {label}
      </Button>
      <FormStatus state={state} />
    </div>
  );
}
