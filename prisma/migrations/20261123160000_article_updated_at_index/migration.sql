-- CreateIndex
CREATE INDEX "Article_updatedAt_idx" ON "Article"("updatedAt");
