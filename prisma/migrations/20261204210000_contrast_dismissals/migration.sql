-- CreateTable
CREATE TABLE "ContrastDismissal" (
    "id" TEXT NOT NULL,
    "issueId" TEXT NOT NULL,
    "aFingerprint" TEXT NOT NULL,
    "bFingerprint" TEXT NOT NULL,
    "dismissedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContrastDismissal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ContrastDismissal_issueId_aFingerprint_bFingerprint_key" ON "ContrastDismissal"("issueId", "aFingerprint", "bFingerprint");

-- AddForeignKey
ALTER TABLE "ContrastDismissal" ADD CONSTRAINT "ContrastDismissal_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;
