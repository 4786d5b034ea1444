-- The review queue filtered by speaker or by kind, in its order: the page and its (capped) count read
-- these indexes alone instead of walking every claim in confidence order and checking each.
-- CreateIndex
CREATE INDEX "Claim_speakerId_confidence_id_idx" ON "Claim"("speakerId", "confidence", "id");

-- CreateIndex
CREATE INDEX "Claim_kind_confidence_id_idx" ON "Claim"("kind", "confidence", "id");
