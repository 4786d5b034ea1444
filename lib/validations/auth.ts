import { z } from "zod";
import { readableText } from "@/lib/validations/text";

export const MIN_PASSWORD_LENGTH = 12;

export const ROLES = ["viewer", "editor", "admin"] as const;

export const emailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address, like name@example.org." }));

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024),
});

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Passwords need at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(1024, "Passwords can have at most 1024 characters.");

export const newUserSchema = z.object({
  email: emailSchema,
  name: readableText(z.string().trim().max(200), "The name").optional(),
  role: z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(", ")}.` }),
  password: passwordSchema,
});
