-- AlterTable
ALTER TABLE "AnalysisClaim" ADD COLUMN "copyKey" TEXT;
