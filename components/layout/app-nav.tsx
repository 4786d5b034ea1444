"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Dashboard" },
  { href: "/issues", label: "Issues" },
  { href: "/articles", label: "Articles" },
  { href: "/claims", label: "Claims" },
  { href: "/shares", label: "Share links" },
];

const ADMIN_LINKS = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/outlets", label: "Outlets" },
  { href: "/admin/tokens", label: "API tokens" },
];

export type AppNavProps = { isAdmin: boolean };

export function AppNav({ isAdmin }: AppNavProps) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-wrap gap-1">
      {[...LINKS, ...(isAdmin ? ADMIN_LINKS : [])].map((link) => {
        const isCurrent = link.href === "/" ? pathname === "/" : pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={isCurrent ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${isCurrent ? "bg-gray-900 text-white" : "text-gray-700 hover:bg-gray-100"}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
