-- AlterTable
ALTER TABLE "Feed" ADD COLUMN     "lastSlot" TIMESTAMP(3),
ADD COLUMN     "leaseOwner" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "dedupKey" TEXT;

-- AlterTable
ALTER TABLE "IngestRun" ADD COLUMN     "instance" TEXT;

-- CreateIndex
CREATE INDEX "Offer_dedupKey_idx" ON "Offer"("dedupKey");

