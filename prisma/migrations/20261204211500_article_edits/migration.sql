-- Editors' changes to an article's metadata, append-only.
CREATE TABLE "ArticleEdit" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "actorId" TEXT,
    "field" TEXT NOT NULL,
    "from" JSONB,
    "to" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleEdit_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ArticleEdit_articleId_createdAt_idx" ON "ArticleEdit"("articleId", "createdAt");

ALTER TABLE "ArticleEdit" ADD CONSTRAINT "ArticleEdit_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ArticleEdit" ADD CONSTRAINT "ArticleEdit_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
