-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "must_change_password" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "approval" ADD COLUMN     "reopen_request_reason" TEXT,
ADD COLUMN     "reopen_requested_at" TIMESTAMP(3),
ADD COLUMN     "reopen_requested_by_id" INTEGER;

