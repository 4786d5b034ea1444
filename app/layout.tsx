import type { Metadata } from "next";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import { staticPublicOrigin } from "@/lib/api/public-origin";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Briefing", template: "%s · Briefing" },
  description: "One developing story across many outlets: its open issues, claims and framing.",
  metadataBase: new URL(staticPublicOrigin()),
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
