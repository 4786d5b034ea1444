import Link from "next/link";
import { getUnreadCount } from "@/lib/data/notes";

export type NotificationBellProps = { userId: string };

/** The header's bell: unread notifications (mentions, assignments, notes on claims assigned to you). */
export async function NotificationBell({ userId }: NotificationBellProps) {
  const unread = await getUnreadCount(userId);
  const label = unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;
  return (
    <Link href="/notifications" aria-label={label} title={label} className="relative inline-flex rounded-md p-1.5 text-gray-700 hover:bg-gray-100">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={1.8}>
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8" strokeLinecap="round" strokeLinejoin="round" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" />
      </svg>
      {unread > 0 ? (
        <span
          data-testid="unread-count"
          className="absolute -right-1 -top-1 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
