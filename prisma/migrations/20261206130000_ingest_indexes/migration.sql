-- Two indexes that are leading columns of others: (status, confidence, id) and (speakerId, confidence, id)
-- answer every query these did, and each claim written updated them too.
DROP INDEX IF EXISTS "Claim_status_confidence_idx";
DROP INDEX IF EXISTS "Claim_speakerId_idx";

-- The near-duplicate check searches the band index for every article ingested. With GIN's pending list
-- (fastupdate), new entries wait in a list that each search reads through, so a large ingest made every
-- search slower than the one before; written straight into the index, sixteen integers an article cost
-- little more to insert.
ALTER INDEX "Article_lshBands_idx" SET (fastupdate = off);
