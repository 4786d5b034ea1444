import "server-only";
import { db } from "@/lib/db";

export function listApiTokens() {
  return db.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true, user: { select: { email: true, name: true } } },
  });
}

export function listActiveUsers() {
  return db.user.findMany({ where: { isActive: true }, orderBy: { email: "asc" }, select: { id: true, email: true, name: true, role: true } });
}

export function listUsers() {
  return db.user.findMany({
    orderBy: [{ isActive: "desc" }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, isActive: true, lastLoginAt: true, createdAt: true },
  });
}
