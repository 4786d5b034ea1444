"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/auth";
import { defineAction } from "@/lib/actions/define-action";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { loginErrorMessage } from "@/lib/auth/messages";
import { AppError } from "@/lib/errors";
import { loginSchema } from "@/lib/validations/auth";

/** The login form's action: validates, then signs in through Auth.js (throttled inside `authorize`). */
export const login = defineAction(
  { role: "anyone", schema: loginSchema.extend({ callbackUrl: z.unknown() }), keep: ["email"] },
  async ({ email, password, callbackUrl }) => {
    try {
      await signIn("credentials", { email, password, redirectTo: safeCallbackUrl(callbackUrl) });
    } catch (error) {
      if (error instanceof CredentialsSignin)
        throw new AppError(error.code?.startsWith("locked-") ? "rate_limited" : "unauthorized", loginErrorMessage(error.code));
      if (error instanceof AuthError) throw new AppError("unavailable", "Logging in failed. Try again in a moment.");
      throw error;
    }
  },
);

/** Ends the caller's session and opens the login page. */
export const logout = defineAction({ role: "anyone", schema: z.object({}) }, async () => {
  await signOut({ redirectTo: "/login" });
});

/** Sends the browser to the configured single sign-on provider. */
export const loginWithOidc = defineAction({ role: "anyone", schema: z.object({ callbackUrl: z.unknown() }) }, async ({ callbackUrl }) => {
  await signIn("oidc", { redirectTo: safeCallbackUrl(callbackUrl) });
});
