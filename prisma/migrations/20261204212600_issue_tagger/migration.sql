-- CreateTable
CREATE TABLE "IssueTagger" (
    "id" TEXT NOT NULL DEFAULT 'story',
    "lexiconHash" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "sentences" INTEGER NOT NULL,
    "articles" INTEGER NOT NULL,
    "model" JSONB NOT NULL,
    "trainedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssueTagger_pkey" PRIMARY KEY ("id")
);
