"use client";

import { useState } from "react";

export type Loaded<T> = { status: "idle" | "loading" | "error" } | { status: "ready"; value: T };

/**
 * What a disclosure loads when it is first opened: its state, `load` (again, after a failure) and the
 * `onToggle` handler for the `<details>`. Keeps a brief light: what sits behind a disclosure is fetched
 * only when an editor opens it.
 */
export function useLoadOnOpen<T>(loader: () => Promise<T>) {
  const [state, setState] = useState<Loaded<T>>({ status: "idle" });
  const load = async () => {
    setState({ status: "loading" });
    try {
      setState({ status: "ready", value: await loader() });
    } catch {
      setState({ status: "error" });
    }
  };
  const onToggle = (event: React.SyntheticEvent<HTMLDetailsElement>) => {
    if (event.currentTarget.open && state.status === "idle") void load();
  };
  return { state, load, onToggle };
}

export type LoadStatusProps = {
  isFailed: boolean;
  /** While loading: "Loading every source…". */
  loading: string;
  /** After a failure, before "Try again": "The sources could not be loaded." */
  failed: string;
  onRetry: () => void;
  className?: string;
};

/** The line a disclosure shows while its content loads, or after it failed, with "Try again". */
export function LoadStatus({ isFailed, loading, failed, onRetry, className }: LoadStatusProps) {
  return (
    <p role="status" className={className}>
      {isFailed ? (
        <>
          {`${failed} `}
          <button type="button" className="link" onClick={onRetry}>
            Try again
          </button>
        </>
      ) : (
        loading
      )}
    </p>
  );
}
