-- CreateEnum
CREATE TYPE "unit_level" AS ENUM ('province', 'district', 'commune');

-- CreateEnum
CREATE TYPE "unit_kind" AS ENUM ('tinh', 'thanh_pho', 'thi_xa', 'huyen', 'phuong', 'xa', 'thi_tran', 'dac_khu');

-- CreateEnum
CREATE TYPE "model_category" AS ENUM ('clan', 'camera', 'religious', 'school', 'enterprise', 'residential', 'border_sea', 'ethnic_minority', 'mass_organization', 'online', 'other');

-- CreateEnum
CREATE TYPE "site_status" AS ENUM ('active', 'suspended', 'dissolved');

-- CreateEnum
CREATE TYPE "religion" AS ENUM ('buddhism', 'catholicism', 'protestantism', 'caodaism', 'hoahao', 'other');

-- CreateEnum
CREATE TYPE "funding_source" AS ENUM ('state_budget', 'socialized', 'mixed');

-- CreateEnum
CREATE TYPE "award_issuer" AS ENUM ('provincial_committee', 'ministry', 'department_v05', 'provincial_police', 'other');

-- CreateEnum
CREATE TYPE "award_form" AS ENUM ('emulation_flag', 'certificate_of_merit', 'certificate');

-- CreateEnum
CREATE TYPE "recipient_kind" AS ENUM ('collective', 'individual');

-- CreateEnum
CREATE TYPE "role" AS ENUM ('admin', 'editor', 'viewer');

-- CreateTable
CREATE TABLE "admin_unit" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "unit_kind" NOT NULL,
    "level" "unit_level" NOT NULL,
    "parent_id" INTEGER,
    "valid_from" DATE,
    "valid_to" DATE,

    CONSTRAINT "admin_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_type" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" "model_category" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deleted_at" TIMESTAMP(3),

    CONSTRAINT "model_type_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "site" (
    "id" SERIAL NOT NULL,
    "model_type_id" INTEGER NOT NULL,
    "area_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "host" TEXT NOT NULL DEFAULT '',
    "established_on" DATE NOT NULL,
    "status" "site_status" NOT NULL DEFAULT 'active',
    "status_changed_on" DATE,
    "religion" "religion",
    "households" INTEGER,
    "members" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',
    "search_text" TEXT NOT NULL DEFAULT '',
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "created_by_id" INTEGER,
    "updated_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deleted_at" TIMESTAMP(3),
    "deleted_by_id" INTEGER,
    "delete_reason" TEXT,

    CONSTRAINT "site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "camera_installation" (
    "id" SERIAL NOT NULL,
    "area_id" INTEGER NOT NULL,
    "site_id" INTEGER,
    "installed_on" DATE NOT NULL,
    "cameras" INTEGER NOT NULL,
    "recorders" INTEGER NOT NULL,
    "memory_cards" INTEGER NOT NULL,
    "cost_vnd" BIGINT NOT NULL,
    "funding_source" "funding_source" NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "search_text" TEXT NOT NULL DEFAULT '',
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "created_by_id" INTEGER,
    "updated_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deleted_at" TIMESTAMP(3),
    "deleted_by_id" INTEGER,
    "delete_reason" TEXT,

    CONSTRAINT "camera_installation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "award" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "issuer" "award_issuer" NOT NULL,
    "form" "award_form" NOT NULL,
    "recipient_kind" "recipient_kind" NOT NULL,
    "recipient_name" TEXT NOT NULL,
    "area_id" INTEGER,
    "site_id" INTEGER,
    "decision_number" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "search_text" TEXT NOT NULL DEFAULT '',
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "created_by_id" INTEGER,
    "updated_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deleted_at" TIMESTAMP(3),
    "deleted_by_id" INTEGER,
    "delete_reason" TEXT,

    CONSTRAINT "award_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "role" NOT NULL,
    "district_id" INTEGER,
    "password_changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabled_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" SERIAL NOT NULL,
    "token_hash" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "user_agent" TEXT NOT NULL DEFAULT '',
    "ip" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_failure" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_failure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" INTEGER,
    "username" TEXT NOT NULL DEFAULT '',
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "admin_unit_code_key" ON "admin_unit"("code");

-- CreateIndex
CREATE INDEX "admin_unit_parent_id_idx" ON "admin_unit"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "model_type_code_key" ON "model_type"("code");

-- CreateIndex
CREATE INDEX "site_model_type_id_idx" ON "site"("model_type_id");

-- CreateIndex
CREATE INDEX "site_area_id_idx" ON "site"("area_id");

-- CreateIndex
CREATE INDEX "site_established_on_idx" ON "site"("established_on");

-- CreateIndex
CREATE INDEX "camera_installation_area_id_idx" ON "camera_installation"("area_id");

-- CreateIndex
CREATE INDEX "camera_installation_site_id_idx" ON "camera_installation"("site_id");

-- CreateIndex
CREATE INDEX "award_year_idx" ON "award"("year");

-- CreateIndex
CREATE INDEX "award_area_id_idx" ON "award"("area_id");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_hash_key" ON "session"("token_hash");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "login_failure_username_at_idx" ON "login_failure"("username", "at");

-- CreateIndex
CREATE INDEX "login_failure_ip_at_idx" ON "login_failure"("ip", "at");

-- CreateIndex
CREATE INDEX "audit_entry_entity_entity_id_idx" ON "audit_entry"("entity", "entity_id");

-- CreateIndex
CREATE INDEX "audit_entry_at_idx" ON "audit_entry"("at");

-- AddForeignKey
ALTER TABLE "admin_unit" ADD CONSTRAINT "admin_unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site" ADD CONSTRAINT "site_model_type_id_fkey" FOREIGN KEY ("model_type_id") REFERENCES "model_type"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site" ADD CONSTRAINT "site_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "admin_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "camera_installation" ADD CONSTRAINT "camera_installation_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "admin_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "camera_installation" ADD CONSTRAINT "camera_installation_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "award" ADD CONSTRAINT "award_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "award" ADD CONSTRAINT "award_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_district_id_fkey" FOREIGN KEY ("district_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Audit entries are append-only: no procedure, and no stray SQL, may change or delete them.
CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_no_update_delete
  BEFORE UPDATE OR DELETE ON "audit_entry"
  FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
