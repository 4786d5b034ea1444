import { formAction } from "@/lib/actions/define-action";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Button } from "@/components/ui/button";
import { loginWithOidc } from "@/lib/actions/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const hasOidc = Boolean(env().AUTH_OIDC_ISSUER);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-gray-200 bg-white p-8 shadow-sm">
        <p className="text-xs font-semibold uppercase tracking-widest text-accent">Briefing</p>
        <h1 className="mt-1 text-xl font-semibold">Log in to your desk</h1>
        <div className="mt-6">
          <LoginForm callbackUrl={callbackUrl} />
        </div>
        {hasOidc ? (
          <form action={formAction(loginWithOidc)} className="mt-4 border-t border-gray-200 pt-4">
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <Button type="submit" variant="secondary" className="w-full">
              Log in with {env().AUTH_OIDC_NAME ?? "single sign-on"}
            </Button>
          </form>
        ) : null}
      </div>
    </main>
  );
}
