import type { Metadata } from "next";
import { IssueForm } from "@/components/issues/issue-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New issue" };

export default async function NewIssuePage() {
  await requirePageUser("/issues/new", "admin");
  return (
    <>
      <PageHeader title="New issue" description="An open question the story turns on. Stored articles are tagged with it as soon as it is created." />
      <IssueForm />
    </>
  );
}
