-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "site_search_text_trgm_idx" ON "site" USING GIN ("search_text" gin_trgm_ops);

