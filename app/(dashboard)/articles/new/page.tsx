import type { Metadata } from "next";
import { ArticleImport } from "@/components/articles/article-import";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Add articles" };

export default async function NewArticlePage() {
  await requirePageUser("/articles/new", "editor");
  return (
    <>
      <PageHeader
        title="Add articles"
        description="Paste an article, upload files or import a web page. Briefing suggests the outlet, title and date from the text; check them before saving. Claims are derived as the article is stored."
      />
      <ArticleImport />
    </>
  );
}
