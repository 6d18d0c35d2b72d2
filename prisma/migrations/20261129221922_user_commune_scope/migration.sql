-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "commune_id" INTEGER;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- An editor's scope is a former district or a commune of today, never both (decision 021).
-- A trigger, not a CHECK: Prisma 6.19's schema engine (wasm) panics when it reads a CHECK
-- constraint, which breaks `prisma migrate diff` (the migrations-vs-schema check).
CREATE FUNCTION "app_user_one_scope"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."district_id" IS NOT NULL AND NEW."commune_id" IS NOT NULL THEN
    RAISE EXCEPTION 'app_user %: district_id and commune_id cannot both be set', NEW."id"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "app_user_one_scope" BEFORE INSERT OR UPDATE OF "district_id", "commune_id" ON "app_user"
  FOR EACH ROW EXECUTE FUNCTION "app_user_one_scope"();
