-- AlterEnum
ALTER TYPE "unit_kind" ADD VALUE 'quan';

