-- AlterTable
ALTER TABLE "site" ADD COLUMN     "approved_at" TIMESTAMP(3),
ADD COLUMN     "package_id" INTEGER;

-- AlterTable
ALTER TABLE "camera_installation" ADD COLUMN     "approved_at" TIMESTAMP(3),
ADD COLUMN     "package_id" INTEGER;

-- AlterTable
ALTER TABLE "award" ADD COLUMN     "approved_at" TIMESTAMP(3),
ADD COLUMN     "package_id" INTEGER;

-- CreateTable
CREATE TABLE "exchange_key" (
    "province_code" TEXT NOT NULL,
    "public_key" TEXT NOT NULL,
    "registered_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "registered_by_id" INTEGER,
    "registered_by" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "exchange_key_pkey" PRIMARY KEY ("province_code")
);

-- CreateTable
CREATE TABLE "exchange_package" (
    "id" SERIAL NOT NULL,
    "province_code" TEXT NOT NULL,
    "from_year" INTEGER NOT NULL,
    "to_year" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "format_version" INTEGER NOT NULL,
    "product_version" TEXT NOT NULL,
    "made_at" TIMESTAMP(3) NOT NULL,
    "imported_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "imported_by_id" INTEGER,
    "imported_by" TEXT NOT NULL DEFAULT '',
    "sites" INTEGER NOT NULL DEFAULT 0,
    "cameras" INTEGER NOT NULL DEFAULT 0,
    "awards" INTEGER NOT NULL DEFAULT 0,
    "approvals" JSONB NOT NULL,
    "approved_until" TIMESTAMP(3),
    "replaced" JSONB NOT NULL DEFAULT '[]',
    "replaced_by_id" INTEGER,

    CONSTRAINT "exchange_package_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "exchange_package_province_code_from_year_idx" ON "exchange_package"("province_code", "from_year");

-- CreateIndex
CREATE INDEX "site_package_id_idx" ON "site"("package_id");

-- CreateIndex
CREATE INDEX "camera_installation_package_id_idx" ON "camera_installation"("package_id");

-- CreateIndex
CREATE INDEX "award_package_id_idx" ON "award"("package_id");

