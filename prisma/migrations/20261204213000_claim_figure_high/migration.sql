-- The high end of a range ("one or two" -> 2) or the second side of a score; null for a single value.
ALTER TABLE "ClaimFigure" ADD COLUMN "high" DOUBLE PRECISION;
