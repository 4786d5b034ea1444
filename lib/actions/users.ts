"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import { createUser, resetUserPassword, setUserActive, setUserRole } from "@/lib/writes/users";
import { newUserSchema, ROLES } from "@/lib/validations/auth";

const idSchema = z.string().min(1, "Name the user.");

/** Admins add a teammate with an initial password. */
export const createUserAction = defineAction(
  {
    role: "admin",
    schema: newUserSchema,
    read: (formData) => ({
      email: formData.get("email"),
      name: formData.get("name") || undefined,
      role: formData.get("role"),
      password: formData.get("password"),
    }),
  },
  async (input) => {
    await createUser(db, input);
    revalidatePath("/admin/users");
    return { message: `Added ${input.email}.` };
  },
);

/** Admins change a user's role; the user is signed out everywhere and logs in again with it. */
export const changeRoleAction = defineAction(
  { role: "admin", schema: z.object({ userId: idSchema, role: z.enum(ROLES) }) },
  async ({ userId, role }, admin) => {
    await setUserRole(db, admin.id, userId, role);
    revalidatePath("/admin/users");
    return { message: "Role changed." };
  },
);

/** Admins deactivate or reactivate a user; a deactivated user's sessions end at once. */
export const setActiveAction = defineAction(
  { role: "admin", schema: z.object({ userId: idSchema, isActive: z.enum(["true", "false"]) }) },
  async ({ userId, isActive }, admin) => {
    await setUserActive(db, admin.id, userId, isActive === "true");
    revalidatePath("/admin/users");
    return { message: isActive === "true" ? "Reactivated." : "Deactivated." };
  },
);

/** Admins reset a user's password to a new random one, shown once. */
export const resetPasswordAction = defineAction(
  { role: "admin", schema: z.object({ userId: idSchema }) },
  async ({ userId }): Promise<{ message: string; data: { password: string } }> => {
    const password = await resetUserPassword(db, userId);
    return { message: "New password set; hand it over now, it is not shown again.", data: { password } };
  },
);
