-- CreateEnum
CREATE TYPE "unit_catalog" AS ENUM ('three_level', 'two_level');

-- DropIndex
DROP INDEX "admin_unit_code_key";

-- AlterTable
ALTER TABLE "admin_unit" ADD COLUMN     "catalog" "unit_catalog" NOT NULL DEFAULT 'three_level',
ADD COLUMN     "former_district_id" INTEGER,
ADD COLUMN     "successor_id" INTEGER;

-- CreateIndex
CREATE INDEX "admin_unit_former_district_id_idx" ON "admin_unit"("former_district_id");

-- CreateIndex
CREATE INDEX "admin_unit_successor_id_idx" ON "admin_unit"("successor_id");

-- CreateIndex
CREATE UNIQUE INDEX "admin_unit_catalog_code_key" ON "admin_unit"("catalog", "code");

-- AddForeignKey
ALTER TABLE "admin_unit" ADD CONSTRAINT "admin_unit_former_district_id_fkey" FOREIGN KEY ("former_district_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admin_unit" ADD CONSTRAINT "admin_unit_successor_id_fkey" FOREIGN KEY ("successor_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

