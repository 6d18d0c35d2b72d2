-- AlterTable
ALTER TABLE "site" ADD COLUMN     "import_batch_id" INTEGER;

-- AlterTable
ALTER TABLE "camera_installation" ADD COLUMN     "import_batch_id" INTEGER;

-- AlterTable
ALTER TABLE "award" ADD COLUMN     "import_batch_id" INTEGER;

-- CreateIndex
CREATE INDEX "site_import_batch_id_idx" ON "site"("import_batch_id");

-- CreateIndex
CREATE INDEX "camera_installation_import_batch_id_idx" ON "camera_installation"("import_batch_id");

-- CreateIndex
CREATE INDEX "award_import_batch_id_idx" ON "award"("import_batch_id");

