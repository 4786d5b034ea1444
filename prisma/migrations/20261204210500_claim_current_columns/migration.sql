-- The claim as it is now lives in Claim's own columns (kind, start, "end", text, quote, "speakerId");
-- the pipeline's output is kept beside it in pipeline* columns. Until now the current columns held
-- the pipeline's output and editors' corrections were an overlay in Claim.corrections.

ALTER TABLE "Claim"
  ADD COLUMN "pipelineKind" "ClaimKind",
  ADD COLUMN "pipelineStart" INTEGER,
  ADD COLUMN "pipelineEnd" INTEGER,
  ADD COLUMN "pipelineText" TEXT,
  ADD COLUMN "pipelineQuote" TEXT,
  ADD COLUMN "pipelineSpeakerId" TEXT;

UPDATE "Claim" SET
  "pipelineKind" = kind,
  "pipelineStart" = start,
  "pipelineEnd" = "end",
  "pipelineText" = text,
  "pipelineQuote" = quote,
  "pipelineSpeakerId" = "speakerId";

ALTER TABLE "Claim"
  ALTER COLUMN "pipelineKind" SET NOT NULL,
  ALTER COLUMN "pipelineStart" SET NOT NULL,
  ALTER COLUMN "pipelineEnd" SET NOT NULL,
  ALTER COLUMN "pipelineText" SET NOT NULL;

ALTER TABLE "Claim" ADD CONSTRAINT "Claim_pipelineSpeakerId_fkey" FOREIGN KEY ("pipelineSpeakerId") REFERENCES "Speaker"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill the current columns from existing corrections (a corrected speaker that no longer exists is skipped).
UPDATE "Claim" c SET "speakerId" = c.corrections->>'speakerId'
  WHERE c.corrections ? 'speakerId' AND EXISTS (SELECT 1 FROM "Speaker" s WHERE s.id = c.corrections->>'speakerId');

UPDATE "Claim" c SET kind = (c.corrections->>'kind')::"ClaimKind"
  WHERE c.corrections->>'kind' IN ('quote', 'reported', 'narration');

UPDATE "Claim" c SET
  start = COALESCE((c.corrections->>'start')::int, c.start),
  "end" = COALESCE((c.corrections->>'end')::int, c."end")
  WHERE c.corrections ? 'start' OR c.corrections ? 'end';

-- Text follows the span; a quote's words follow a corrected span or kind (the words between the outer
-- quotation marks, or the whole span when it has none).
UPDATE "Claim" c SET text = substring(a."originalText" FROM c.start + 1 FOR c."end" - c.start)
  FROM "Article" a
  WHERE a.id = c."articleId" AND (c.start <> c."pipelineStart" OR c."end" <> c."pipelineEnd");

UPDATE "Claim" c SET quote = CASE
    WHEN c.kind <> 'quote' THEN NULL
    ELSE btrim(COALESCE(substring(c.text FROM '[“"«](.*)[”"»]'), c.text))
  END
  WHERE c.kind <> c."pipelineKind" OR c.start <> c."pipelineStart" OR c."end" <> c."pipelineEnd";

CREATE INDEX "Claim_pipelineSpeakerId_idx" ON "Claim"("pipelineSpeakerId");
