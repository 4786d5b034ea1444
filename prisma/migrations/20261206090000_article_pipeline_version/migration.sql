-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "pipelineVersion" INTEGER;
