-- CreateIndex
CREATE INDEX "AnalysisClaim_copyKey_idx" ON "AnalysisClaim"("copyKey");
