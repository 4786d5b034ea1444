import type { Metadata } from "next";
import { ArticleTable } from "@/components/articles/article-table";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { hasRole, requirePageUser } from "@/lib/auth/session";
import { listArticles } from "@/lib/data/articles";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const query = typeof params.q === "string" ? params.q : undefined;
  const user = await requirePageUser(query ? `/articles?q=${encodeURIComponent(query)}` : "/articles");
  const { items, total } = await listArticles({ query, limit: 200 });
  return (
    <>
      <PageHeader
        title="Articles"
        description={`${total} article${total === 1 ? "" : "s"}${query ? ` matching “${query}”` : ""} on this story.`}
        actions={
          hasRole(user, "editor") ? (
            <Link href="/articles/new" className="rounded-md bg-accent px-3 py-2 text-sm font-medium text-white hover:bg-blue-800">
              Add articles
            </Link>
          ) : null
        }
      />
      <form role="search" className="mb-4 flex max-w-lg gap-2" action="/articles">
        <label htmlFor="article-search" className="sr-only">
          Search articles
        </label>
        <input
          id="article-search"
          name="q"
          type="search"
          defaultValue={query}
          placeholder="Search the text, e.g. referendum"
          className="block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm"
        />
        <button type="submit" className="rounded-md border border-gray-300 bg-white px-3 py-2 text-sm font-medium hover:bg-gray-50">
          Search
        </button>
      </form>
      {items.length > 0 ? <ArticleTable articles={items} /> : <p className="text-sm text-gray-600">No articles{query ? " match that search" : " yet"}.</p>}
    </>
  );
}
