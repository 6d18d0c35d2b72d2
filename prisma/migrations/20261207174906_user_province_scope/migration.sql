-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "province_id" INTEGER;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

