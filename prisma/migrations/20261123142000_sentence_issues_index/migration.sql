-- CreateIndex
CREATE INDEX "Sentence_issues_idx" ON "Sentence" USING GIN ("issues");
