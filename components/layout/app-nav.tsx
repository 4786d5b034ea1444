"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Dashboard" },
  { href: "/issues", label: "Issues" },
  { href: "/articles", label: "Articles" },
  { href: "/claims", label: "Claims" },
];

export function AppNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex gap-1">
      {LINKS.map((link) => {
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
