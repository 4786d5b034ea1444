import { formAction } from "@/lib/actions/define-action";
import { NotificationBell } from "@/components/layout/notification-bell";
import { logout } from "@/lib/actions/auth";
import type { CurrentUser } from "@/lib/auth/session";

export type UserMenuProps = { user: CurrentUser };

export function UserMenu({ user }: UserMenuProps) {
  return (
    <div className="flex items-center gap-3 text-sm">
      <NotificationBell userId={user.id} />
      <span className="text-gray-700">
        <span className="font-medium">{user.name ?? user.email}</span> <span className="text-gray-500">({user.role})</span>
      </span>
      <form action={formAction(logout)}>
        <button type="submit" className="rounded-md px-2 py-1 text-gray-700 underline-offset-2 hover:bg-gray-100 hover:underline">
          Log out
        </button>
      </form>
    </div>
  );
}
