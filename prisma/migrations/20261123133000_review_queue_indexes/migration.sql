-- CreateIndex
CREATE INDEX "Claim_confidence_id_idx" ON "Claim"("confidence", "id");

-- CreateIndex
CREATE INDEX "Claim_updatedAt_idx" ON "Claim"("updatedAt");

-- CreateIndex
CREATE INDEX "Note_updatedAt_idx" ON "Note"("updatedAt");
