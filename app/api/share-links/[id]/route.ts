import { apiError, apiRoute, guardApi } from "@/lib/api/respond";
import { db } from "@/lib/db";
import { revokeShareLink } from "@/lib/writes/share-links";

type Context = { params: Promise<{ id: string }> };

/** `DELETE /api/share-links/[id]` → 204: revokes the caller's link (an admin's: any link); 404 otherwise. */
export const DELETE = apiRoute(async (request: Request, { params }: Context) => {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const { id } = await params;
  if (!(await revokeShareLink(db, guard.user, id))) return apiError("not_found", `No share link of yours has the id “${id}”; GET /api/share-links lists them.`);
  return new Response(null, { status: 204 });
});
