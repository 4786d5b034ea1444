-- An analysis run records the queue job it carried out; requests are jobs now, not rows here.
ALTER TABLE "AnalysisRun" ADD COLUMN "jobId" TEXT;

CREATE INDEX "AnalysisRun_jobId_idx" ON "AnalysisRun"("jobId");
