"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "@/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { loginErrorMessage } from "@/lib/auth/messages";
import { loginSchema } from "@/lib/validations/auth";

export type LoginState = { message?: string; email?: string };

/** The login form's action: validates, then signs in through Auth.js (throttled inside `authorize`). */
export async function login(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = loginSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  const email = String(formData.get("email") ?? "");
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? "Check the form.", email };
  const redirectTo = safeCallbackUrl(formData.get("callbackUrl"));
  try {
    await signIn("credentials", { ...parsed.data, redirectTo });
  } catch (error) {
    if (error instanceof CredentialsSignin) return { message: loginErrorMessage(error.code), email };
    if (error instanceof AuthError) return { message: "Logging in failed. Try again in a moment.", email };
    throw error;
  }
  return {};
}

export async function logout(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

export async function loginWithOidc(formData: FormData): Promise<void> {
  await signIn("oidc", { redirectTo: safeCallbackUrl(formData.get("callbackUrl")) });
}
