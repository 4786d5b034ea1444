import type { Metadata } from "next";
import { ArticleTable } from "@/components/articles/article-table";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { hasRole, requirePageUser } from "@/lib/auth/session";
import { listArticles } from "@/lib/data/articles";
import { cappedPlural } from "@/lib/format";

export const metadata: Metadata = { title: "Articles" };

const PAGE_SIZE = 50;

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const query = typeof params.q === "string" ? params.q : undefined;
  const cursor = typeof params.after === "string" ? params.after : undefined;
  const user = await requirePageUser(query ? `/articles?q=${encodeURIComponent(query)}` : "/articles");
  const { items, total, isTotalCapped, nextCursor } = await listArticles({ query, cursor, limit: PAGE_SIZE });
  const pageLink = (after?: string) => {
    const search = new URLSearchParams();
    if (query) search.set("q", query);
    if (after) search.set("after", after);
    const text = search.toString();
    return text ? `/articles?${text}` : "/articles";
  };
  return (
    <>
      <PageHeader
        title="Articles"
        description={`${cappedPlural({ total, isTotalCapped }, "article", { atStart: true })}${query ? ` matching “${query}”` : ""} on this story.`}
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
      {cursor || nextCursor ? (
        <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
          {cursor ? (
            <Link href={pageLink()} className="text-accent underline">
              First page
            </Link>
          ) : null}
          {nextCursor ? (
            <Link href={pageLink(nextCursor)} className="text-accent underline">
              Next {PAGE_SIZE} articles
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
