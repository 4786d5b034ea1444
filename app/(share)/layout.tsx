import { organizationName } from "@/lib/organization";

export default function ShareLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen print:min-h-0">
      <header className="border-b border-gray-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
          <span className="text-lg font-semibold tracking-tight">{organizationName()}</span>
          <span className="text-sm text-gray-600">Shared, read-only brief</span>
        </div>
      </header>
      <main className="mx-auto max-w-5xl px-4 py-8 print:max-w-none print:p-0">{children}</main>
      <footer className="mx-auto max-w-5xl px-4 pb-8 text-xs text-gray-600 print:hidden">A read-only brief shared from {organizationName()}.</footer>
    </div>
  );
}
