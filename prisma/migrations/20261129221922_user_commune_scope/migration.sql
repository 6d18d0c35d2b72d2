-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "commune_id" INTEGER;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- An editor's scope is a former district or a commune of today, never both (decision 021).
-- Prisma's schema cannot say this; the services check it first with a clear message.
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_one_scope_check" CHECK ("district_id" IS NULL OR "commune_id" IS NULL);
