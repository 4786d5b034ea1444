-- The mention a claim's speaker was resolved from, and how, so that an attribution can be checked.
ALTER TABLE "Claim" ADD COLUMN "speakerMentionStart" INTEGER;
ALTER TABLE "Claim" ADD COLUMN "speakerMentionEnd" INTEGER;
ALTER TABLE "Claim" ADD COLUMN "attributionReason" TEXT;
