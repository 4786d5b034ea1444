import type { Metadata } from "next";
import Link from "next/link";
import { MarkReadForm } from "@/components/notifications/mark-read-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/data/notes";
import { formatTime } from "@/lib/writes/review";
import { markdownToPlainText } from "@/lib/text/markdown-plain";

export const metadata: Metadata = { title: "Notifications" };

const WHAT: Record<string, string> = {
  mention: "mentioned you",
  note_on_assigned: "added a note to a claim assigned to you",
  assigned: "A claim was assigned to you",
};

export default async function NotificationsPage() {
  const user = await requirePageUser("/notifications");
  const notifications = await listNotifications(user.id);
  const unread = notifications.filter((notification) => !notification.readAt).length;
  return (
    <>
      <PageHeader title="Notifications" description={`${unread} unread.`} actions={unread > 0 ? <MarkReadForm label="Mark all as read" /> : null} />
      {notifications.length === 0 ? <p className="text-sm text-gray-600">Nothing yet. Mentions and assignments show up here.</p> : null}
      <ul className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white">
        {notifications.map((notification) => {
          const note = notification.note;
          const href = note
            ? note.claimId
              ? `/claims/${note.claimId}`
              : note.issue
                ? `/issues/${note.issue.slug}`
                : `/articles/${note.articleId}`
            : notification.claim
              ? `/claims/${notification.claim.id}`
              : "/claims";
          const who = note ? `${note.author.name ?? note.author.email} ${WHAT[notification.type] ?? "wrote"}` : (WHAT[notification.type] ?? notification.type);
          return (
            <li key={notification.id} className={`flex items-start justify-between gap-4 px-4 py-3 text-sm ${notification.readAt ? "" : "bg-blue-50/60"}`}>
              <div>
                <p>
                  {notification.readAt ? null : <span className="mr-2 inline-block h-2 w-2 rounded-full bg-accent" aria-label="Unread" />}
                  <Link href={href} className="font-medium hover:underline">
                    {who}
                  </Link>
                </p>
                <p className="mt-0.5 line-clamp-2 text-gray-600">{note ? markdownToPlainText(note.body) : notification.claim?.text}</p>
                <p className="mt-0.5 text-xs text-gray-500">{formatTime(notification.createdAt)}</p>
              </div>
              {notification.readAt ? null : <MarkReadForm id={notification.id} label="Mark read" />}
            </li>
          );
        })}
      </ul>
    </>
  );
}
