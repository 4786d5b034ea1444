import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleMetadataForm } from "@/components/articles/article-metadata-form";
import { ArticleChanges } from "@/components/articles/article-changes";
import { ClaimSideList } from "@/components/articles/claim-side-list";
import { NewVersionForm } from "@/components/articles/new-version-form";
import { RefetchForm } from "@/components/articles/refetch-form";
import { HighlightedText } from "@/components/articles/highlighted-text";
import { NotesThread } from "@/components/notes/notes-thread";
import { Badge } from "@/components/ui/badge";
import { hasRole, requirePageUser } from "@/lib/auth/session";
import { listArticleVersions } from "@/lib/data/article-versions";
import { getArticle, getArticleClaims } from "@/lib/data/articles";
import { listArticleEdits, listOutlets } from "@/lib/data/outlets";
import { formatDate } from "@/lib/format";

type Props = { params: Promise<{ id: string }> };

const EDIT_LABEL: Record<string, string> = { outlet: "outlet", title: "title", publishedAt: "published date", url: "web address", byline: "byline" };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const article = await getArticle(id);
  return { title: article ? article.label : "Article not found" };
}

export default async function ArticlePage({ params }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/articles/${id}`);
  const article = await getArticle(id);
  if (!article) notFound();
  const canEdit = hasRole(user, "editor");
  const [claims, outlets, edits, versions] = await Promise.all([
    getArticleClaims(id),
    canEdit ? listOutlets() : [],
    listArticleEdits(id),
    article.version > 1 ? listArticleVersions(id) : null,
  ]);
  const issues = [...new Map(claims.flatMap((claim) => claim.issues).map((issue) => [issue.slug, issue])).values()];
  return (
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <article>
        <header className="mb-6 border-b border-gray-200 pb-4">
          <h1 className="text-2xl font-semibold tracking-tight">{article.label}</h1>
          <p className="mt-2 text-sm text-gray-600">
            {article.outlet?.name ?? "Unattributed"}
            {article.publishedAt ? ` · ${formatDate(article.publishedAt)}` : ""}
            {article.byline ? ` · By ${article.byline}` : ""}
            {article.url ? (
              <>
                {" · "}
                <a href={article.url} rel="noopener noreferrer nofollow" className="text-accent underline">
                  Source
                </a>
              </>
            ) : null}
          </p>
          {versions && versions.length > 1 ? <ArticleChanges current={versions[0]!} previous={versions[1]!} /> : null}
          {canEdit ? (
            <ArticleMetadataForm
              article={{
                id: article.id,
                version: article.version,
                title: article.title,
                url: article.url,
                byline: article.byline,
                publishedAt: article.publishedAt?.toISOString().slice(0, 10) ?? null,
                outlet: article.outlet?.name ?? null,
              }}
              outlets={outlets.map((outlet) => outlet.name)}
            />
          ) : null}
          {canEdit && article.url ? <RefetchForm articleId={article.id} host={URL.parse(article.url)?.host ?? article.url} /> : null}
          {canEdit ? <NewVersionForm articleId={article.id} /> : null}
          {edits.length > 0 ? (
            <details className="mt-2 text-xs text-gray-600">
              <summary className="cursor-pointer">Details changed {edits.length === 1 ? "once" : `${edits.length} times`}</summary>
              <ul className="mt-1 space-y-0.5">
                {edits.map((edit) => (
                  <li key={edit.id}>
                    {formatDate(edit.createdAt)}, {edit.actor?.name ?? edit.actor?.email ?? "someone"}: {EDIT_LABEL[edit.field] ?? edit.field} “
                    {String(edit.from ?? "none")}” → “{String(edit.to ?? "none")}”
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {issues.length > 0 ? (
            <div className="mt-3 flex flex-wrap gap-1" aria-label="Issues">
              {issues.map((issue) => (
                <Badge key={issue.slug} tone="blue">
                  {issue.title}
                </Badge>
              ))}
            </div>
          ) : null}
          <p className="mt-3 flex flex-wrap gap-3 text-xs text-gray-600" aria-label="Legend">
            <span>
              <mark className="rounded-sm bg-amber-100 px-1 underline decoration-amber-600 decoration-2">direct quote</mark>
            </span>
            <span>
              <mark className="rounded-sm bg-sky-100 px-1 underline decoration-sky-600 decoration-2">reported speech</mark>
            </span>
            <span>
              <mark className="rounded-sm bg-gray-100 px-1 underline decoration-gray-500 decoration-2">narration</mark>
            </span>
            <span>dotted underline: low confidence</span>
          </p>
        </header>
        <HighlightedText text={article.originalText} claims={claims} />
        <div className="mt-8">
          <NotesThread target={{ type: "article", id: article.id }} />
        </div>
      </article>
      <aside aria-labelledby="claims-heading" className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
        <h2 id="claims-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-gray-600">
          {claims.length} claims
        </h2>
        <ClaimSideList claims={claims} />
      </aside>
    </div>
  );
}
