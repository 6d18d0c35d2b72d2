-- CreateEnum
CREATE TYPE "import_kind" AS ENUM ('sites', 'cameras', 'awards');

-- CreateEnum
CREATE TYPE "import_status" AS ENUM ('preview', 'committed', 'undone');

-- CreateEnum
CREATE TYPE "import_row_state" AS ENUM ('ready', 'duplicate', 'error');

-- CreateTable
CREATE TABLE "import_batch" (
    "id" SERIAL NOT NULL,
    "kind" "import_kind" NOT NULL,
    "status" "import_status" NOT NULL DEFAULT 'preview',
    "file_name" TEXT NOT NULL,
    "file_hash" TEXT NOT NULL,
    "header_row" INTEGER NOT NULL,
    "headers" JSONB NOT NULL,
    "mapping" JSONB NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "ready" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "error_rows" INTEGER NOT NULL DEFAULT 0,
    "year_only" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committed_at" TIMESTAMP(3),
    "undone_at" TIMESTAMP(3),
    "undo_reason" TEXT,

    CONSTRAINT "import_batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_row" (
    "batch_id" INTEGER NOT NULL,
    "row" INTEGER NOT NULL,
    "cells" JSONB NOT NULL,
    "state" "import_row_state" NOT NULL,
    "year_only" BOOLEAN NOT NULL DEFAULT false,
    "issues" JSONB NOT NULL,
    "duplicate_of" INTEGER,

    CONSTRAINT "import_row_pkey" PRIMARY KEY ("batch_id","row")
);

-- CreateTable
CREATE TABLE "import_record" (
    "batch_id" INTEGER NOT NULL,
    "row" INTEGER NOT NULL,
    "record_id" INTEGER NOT NULL,

    CONSTRAINT "import_record_pkey" PRIMARY KEY ("batch_id","row")
);

-- CreateIndex
CREATE INDEX "import_batch_created_by_id_idx" ON "import_batch"("created_by_id");

-- CreateIndex
CREATE INDEX "import_batch_created_at_idx" ON "import_batch"("created_at");

-- CreateIndex
CREATE INDEX "import_row_batch_id_state_idx" ON "import_row"("batch_id", "state");

-- AddForeignKey
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_row" ADD CONSTRAINT "import_row_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "import_batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_record" ADD CONSTRAINT "import_record_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "import_batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

