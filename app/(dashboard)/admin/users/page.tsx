import type { Metadata } from "next";
import { NewUserForm, UserRowActions } from "@/components/admin/user-forms";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/data/admin";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const admin = await requirePageUser("/admin/users", "admin");
  const users = await listUsers();
  return (
    <>
      <PageHeader
        title="Users"
        description="Viewers read and write notes; editors also ingest, review and share; admins also manage users, outlets and issues. A role change, a password reset or a deactivation signs the user out everywhere."
      />
      <NewUserForm />
      <div className="mt-6 relative overflow-x-auto rounded-lg border border-gray-200 bg-white">
        <table className="min-w-full divide-y divide-gray-200 text-sm">
          <caption className="sr-only">Users</caption>
          <thead className="bg-gray-50 text-left text-xs font-semibold uppercase tracking-wide text-gray-600">
            <tr>
              <th scope="col" className="px-4 py-2">
                User
              </th>
              <th scope="col" className="px-4 py-2">
                Role
              </th>
              <th scope="col" className="px-4 py-2">
                Last login
              </th>
              <th scope="col" className="px-4 py-2">
                Actions
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {users.map((user) => (
              <tr key={user.id} className={user.isActive ? "" : "text-gray-500"}>
                <td className="px-4 py-2">
                  <p className="font-medium">{user.name ?? user.email}</p>
                  <p className="text-xs text-gray-600">{user.email}</p>
                </td>
                <td className="px-4 py-2">
                  {user.role} {user.isActive ? null : <Badge tone="red">Deactivated</Badge>}
                </td>
                <td className="whitespace-nowrap px-4 py-2">{user.lastLoginAt ? formatDate(user.lastLoginAt) : "Never"}</td>
                <td className="px-4 py-2">
                  <UserRowActions user={user} isSelf={user.id === admin.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
