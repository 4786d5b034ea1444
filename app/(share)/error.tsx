"use client";

import { ErrorPanel } from "@/components/feedback/error-panel";

export default function ShareError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <ErrorPanel
      title="This brief could not be shown"
      advice="The server failed while preparing it; the link itself may still be good. Try again in a moment. If it keeps failing, tell whoever sent you the link, with the reference below."
      digest={error.digest}
      retry={retry}
    />
  );
}
