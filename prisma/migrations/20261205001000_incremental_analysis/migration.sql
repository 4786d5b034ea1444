-- AlterTable
ALTER TABLE "Discrepancy" ADD COLUMN "scope" TEXT;

-- AlterTable
ALTER TABLE "FramingAggregate" ADD COLUMN "detail" JSONB;

-- CreateTable
CREATE TABLE "AnalysisClaim" (
    "claimId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "statementText" TEXT,
    "contentWords" TEXT[],
    "grams" TEXT[],
    "statementGroup" TEXT,
    "figureGroups" TEXT[],
    "figureUnits" TEXT[],

    CONSTRAINT "AnalysisClaim_pkey" PRIMARY KEY ("claimId")
);

-- CreateTable
CREATE TABLE "AnalysisArticle" (
    "articleId" TEXT NOT NULL,
    "counts" JSONB NOT NULL,

    CONSTRAINT "AnalysisArticle_pkey" PRIMARY KEY ("articleId")
);

-- CreateTable
CREATE TABLE "AnalysisCount" (
    "scope" TEXT NOT NULL,
    "issue" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "AnalysisCount_pkey" PRIMARY KEY ("scope","issue","source","key")
);

-- CreateIndex
CREATE INDEX "ClaimFigure_unit_value_idx" ON "ClaimFigure"("unit", "value");

-- CreateIndex
CREATE INDEX "AnalysisClaim_articleId_idx" ON "AnalysisClaim"("articleId");

-- CreateIndex
CREATE INDEX "AnalysisClaim_statementText_idx" ON "AnalysisClaim" USING HASH ("statementText");

-- CreateIndex
CREATE INDEX "AnalysisClaim_statementGroup_idx" ON "AnalysisClaim"("statementGroup");

-- CreateIndex
CREATE INDEX "AnalysisClaim_contentWords_idx" ON "AnalysisClaim" USING GIN ("contentWords");

-- CreateIndex
CREATE INDEX "AnalysisClaim_grams_idx" ON "AnalysisClaim" USING GIN ("grams");

-- CreateIndex
CREATE INDEX "AnalysisClaim_figureGroups_idx" ON "AnalysisClaim" USING GIN ("figureGroups");
