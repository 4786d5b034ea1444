"use client";

import { ErrorPanel } from "@/components/feedback/error-panel";

export default function AuthError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <ErrorPanel
        title="Logging in is not working right now"
        advice="The server could not prepare this page, so you have not been logged in or out. Try again in a moment; if it keeps failing, the database may be down: tell your administrator the reference below."
        digest={error.digest}
        retry={retry}
      />
    </main>
  );
}
