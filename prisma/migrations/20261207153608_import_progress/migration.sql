-- CreateTable
CREATE TABLE "import_progress" (
    "session_hash" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "updated_at" TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_progress_pkey" PRIMARY KEY ("session_hash","key")
);

-- CreateIndex
CREATE INDEX "import_progress_updated_at_idx" ON "import_progress"("updated_at");

