-- AlterTable
ALTER TABLE "AnalysisClaim" ADD COLUMN     "figureValues" TEXT[];

-- CreateTable
CREATE TABLE "AnalysisCopy" (
    "copyKey" TEXT NOT NULL,
    "claimIds" TEXT[],
    "statementGroup" TEXT,
    "figureGroups" TEXT[],
    "figureUnits" TEXT[],
    "figureValues" TEXT[],
    "source" TEXT NOT NULL,
    "issues" TEXT[],

    CONSTRAINT "AnalysisCopy_pkey" PRIMARY KEY ("copyKey")
);

-- CreateIndex
CREATE INDEX "AnalysisCopy_statementGroup_idx" ON "AnalysisCopy"("statementGroup");

-- CreateIndex
CREATE INDEX "AnalysisCopy_figureGroups_idx" ON "AnalysisCopy" USING GIN ("figureGroups");

-- CreateIndex
CREATE INDEX "AnalysisCopy_figureUnits_idx" ON "AnalysisCopy" USING GIN ("figureUnits");

-- CreateIndex
CREATE INDEX "AnalysisCopy_figureValues_idx" ON "AnalysisCopy" USING GIN ("figureValues");

-- CreateIndex
CREATE INDEX "AnalysisCopy_source_idx" ON "AnalysisCopy"("source");
