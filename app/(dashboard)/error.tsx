"use client";

import { ErrorPanel } from "@/components/feedback/error-panel";

export default function DashboardError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <ErrorPanel
      title="This page could not be shown"
      advice="Something failed on the server while preparing it; nothing you entered was lost. Try again in a moment. If it keeps failing, go back to the dashboard and tell your administrator the reference below."
      digest={error.digest}
      retry={retry}
      home={{ href: "/", label: "Back to the dashboard" }}
    />
  );
}
