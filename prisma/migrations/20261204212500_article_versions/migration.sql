-- Article versions: the current text stays in Article.originalText with its number; earlier texts are kept.
ALTER TABLE "Article" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

CREATE TABLE "ArticleVersion" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "originalText" TEXT NOT NULL,
    "storedAt" TIMESTAMP(3) NOT NULL,
    "replacedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replacedById" TEXT,

    CONSTRAINT "ArticleVersion_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ArticleVersion_articleId_number_key" ON "ArticleVersion"("articleId", "number");

ALTER TABLE "ArticleVersion" ADD CONSTRAINT "ArticleVersion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ArticleVersion" ADD CONSTRAINT "ArticleVersion_replacedById_fkey" FOREIGN KEY ("replacedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A note whose claim is not in a newer text moves to the article, marked with the version it was on.
ALTER TABLE "Note" ADD COLUMN "earlierVersion" INTEGER;
ALTER TABLE "Note" ADD COLUMN "earlierClaimText" TEXT;
