-- AlterTable
ALTER TABLE "AnalysisClaim" ADD COLUMN "positionKey" TEXT;

-- CreateTable
CREATE TABLE "PositionGroup" (
    "key" TEXT NOT NULL,
    "issueId" TEXT NOT NULL,
    "speakerId" TEXT NOT NULL,
    "statement" TEXT,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "quote" TEXT,
    "verb" TEXT,
    "sources" JSONB NOT NULL,
    "first" JSONB NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "PositionGroup_pkey" PRIMARY KEY ("key","issueId")
);

-- CreateIndex
CREATE INDEX "PositionGroup_issueId_idx" ON "PositionGroup"("issueId");

-- CreateIndex
CREATE INDEX "AnalysisClaim_positionKey_idx" ON "AnalysisClaim"("positionKey");
