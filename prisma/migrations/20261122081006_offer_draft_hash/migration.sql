-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "detailReadAt" TIMESTAMP(3),
ADD COLUMN     "draftHash" TEXT;

