"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeAction } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createUser, resetUserPassword, setUserActive, setUserRole, UserChangeError, UserExistsError } from "@/lib/services/users";
import { newUserSchema, ROLES } from "@/lib/validations/auth";

export type UserFormState = { status?: "ok" | "error"; message?: string; password?: string; savedAt?: number };

function refused(error: unknown): UserFormState {
  if (error instanceof UserChangeError || error instanceof UserExistsError) return { status: "error", message: error.message };
  throw error;
}

/** Admins add a teammate with an initial password. */
export async function createUserAction(_previous: UserFormState, formData: FormData): Promise<UserFormState> {
  const caller = await authorizeAction("admin");
  if (!caller.user) return { status: "error", message: caller.denied };
  const parsed = newUserSchema.safeParse({
    email: formData.get("email"),
    name: formData.get("name") || undefined,
    role: formData.get("role"),
    password: formData.get("password"),
  });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message };
  try {
    await createUser(db, parsed.data);
  } catch (error) {
    return refused(error);
  }
  revalidatePath("/admin/users");
  return { status: "ok", message: `Added ${parsed.data.email}.`, savedAt: Date.now() };
}

const idSchema = z.string().min(1, "Name the user.");

/** Admins change a user's role; the user is signed out everywhere and logs in again with it. */
export async function changeRoleAction(_previous: UserFormState, formData: FormData): Promise<UserFormState> {
  const caller = await authorizeAction("admin");
  if (!caller.user) return { status: "error", message: caller.denied };
  const admin = caller.user;
  const parsed = z.object({ userId: idSchema, role: z.enum(ROLES) }).safeParse({ userId: formData.get("userId"), role: formData.get("role") });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message };
  try {
    await setUserRole(db, admin.id, parsed.data.userId, parsed.data.role);
  } catch (error) {
    return refused(error);
  }
  revalidatePath("/admin/users");
  return { status: "ok", message: "Role changed." };
}

/** Admins deactivate or reactivate a user; a deactivated user's sessions end at once. */
export async function setActiveAction(_previous: UserFormState, formData: FormData): Promise<UserFormState> {
  const caller = await authorizeAction("admin");
  if (!caller.user) return { status: "error", message: caller.denied };
  const admin = caller.user;
  const parsed = z.object({ userId: idSchema, isActive: z.enum(["true", "false"]) }).safeParse({ userId: formData.get("userId"), isActive: formData.get("isActive") });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message };
  try {
    await setUserActive(db, admin.id, parsed.data.userId, parsed.data.isActive === "true");
  } catch (error) {
    return refused(error);
  }
  revalidatePath("/admin/users");
  return { status: "ok", message: parsed.data.isActive === "true" ? "Reactivated." : "Deactivated." };
}

/** Admins reset a user's password to a new random one, shown once. */
export async function resetPasswordAction(_previous: UserFormState, formData: FormData): Promise<UserFormState> {
  const caller = await authorizeAction("admin");
  if (!caller.user) return { status: "error", message: caller.denied };
  const parsed = idSchema.safeParse(formData.get("userId"));
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message };
  try {
    const password = await resetUserPassword(db, parsed.data);
    return { status: "ok", message: "New password set; hand it over now, it is not shown again.", password };
  } catch (error) {
    return refused(error);
  }
}
