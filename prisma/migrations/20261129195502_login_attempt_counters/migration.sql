-- DropTable
DROP TABLE "login_failure";

-- CreateTable
CREATE TABLE "login_attempt" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "window_start" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "login_attempt_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "login_attempt_window_start_idx" ON "login_attempt"("window_start");

