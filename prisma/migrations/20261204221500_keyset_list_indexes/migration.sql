-- The articles list's order as one indexed key: newest publication first, undated last.
ALTER TABLE "Article" ADD COLUMN "listOrder" DOUBLE PRECISION GENERATED ALWAYS AS ((COALESCE((- EXTRACT(epoch FROM "publishedAt")), '1000000000000'::numeric))::double precision) STORED;

-- Each article's word count, stored once instead of computed from the whole text for every list page.
ALTER TABLE "Article" ADD COLUMN "wordCount" INTEGER GENERATED ALWAYS AS (COALESCE(array_length(regexp_split_to_array(btrim("cleanedText"), '\s+'::text), 1), 0)) STORED;

-- CreateIndex
CREATE INDEX "Article_listOrder_ingestedAt_id_idx" ON "Article"("listOrder", "ingestedAt", "id");

-- CreateIndex
CREATE INDEX "Claim_status_confidence_id_idx" ON "Claim"("status", "confidence", "id");

-- CreateIndex
CREATE INDEX "Claim_createdAt_id_idx" ON "Claim"("createdAt", "id");
