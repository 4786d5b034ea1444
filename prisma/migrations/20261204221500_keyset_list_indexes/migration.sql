-- The articles list's order as one indexed key: newest publication first, undated last.
ALTER TABLE "Article" ADD COLUMN "listOrder" DOUBLE PRECISION GENERATED ALWAYS AS ((COALESCE(- EXTRACT(epoch FROM "publishedAt"), (1e12)::numeric))::double precision) STORED;

-- CreateIndex
CREATE INDEX "Article_listOrder_ingestedAt_id_idx" ON "Article"("listOrder", "ingestedAt", "id");

-- CreateIndex
CREATE INDEX "Claim_status_confidence_id_idx" ON "Claim"("status", "confidence", "id");

-- CreateIndex
CREATE INDEX "Claim_createdAt_id_idx" ON "Claim"("createdAt", "id");
