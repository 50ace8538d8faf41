-- array_to_string is only STABLE, and generated columns need IMMUTABLE expressions;
-- for text[] joined with a space the result cannot change, so a wrapper may say so.
CREATE FUNCTION hub_keywords_text(text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$;

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "LearningFormatCode" AS ENUM ('EINFUEHRUNG', 'BASIS', 'VERTIEFUNG');

-- CreateEnum
CREATE TYPE "ProviderStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "FeedKind" AS ENUM ('JSONLD', 'ICAL', 'RSS', 'CSV', 'XLSX', 'OPENQCAT', 'HTML', 'GRAPHQL', 'PUSH');

-- CreateEnum
CREATE TYPE "FeedState" AS ENUM ('ACTIVE', 'PAUSED', 'FAILING', 'DELETED');

-- CreateEnum
CREATE TYPE "OfferStatus" AS ENUM ('ACTIVE', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "OfferKind" AS ENUM ('SEMINAR', 'MODULE_SERIES', 'CERTIFICATE_COURSE', 'CONFERENCE', 'WEBINAR', 'NETWORK_MEETING', 'IN_HOUSE', 'OTHER');

-- CreateEnum
CREATE TYPE "AssignmentSource" AS ENUM ('AUTOMATIC', 'ANALYST', 'PROVIDER');

-- CreateEnum
CREATE TYPE "ObjectionStatus" AS ENUM ('OPEN', 'RESOLVED');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'NOT_MODIFIED', 'FAILED');

-- CreateEnum
CREATE TYPE "RunTrigger" AS ENUM ('SCHEDULE', 'MANUAL', 'CLI', 'SEED');

-- CreateEnum
CREATE TYPE "AccessRole" AS ENUM ('ADMIN', 'ANALYST', 'PROVIDER');

-- CreateTable
CREATE TABLE "LearningArea" (
    "code" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "guidingQuestion" TEXT NOT NULL,

    CONSTRAINT "LearningArea_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Module" (
    "code" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "format" "LearningFormatCode" NOT NULL,
    "roles" TEXT[],
    "teachingUnits" INTEGER,
    "learningAreaCode" TEXT NOT NULL,
    "taxonomyVersion" TEXT NOT NULL,

    CONSTRAINT "Module_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Region" (
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "District" (
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "regionKey" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,

    CONSTRAINT "District_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Municipality" (
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "districtKey" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,

    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Provider" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "website" TEXT,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "description" TEXT,
    "status" "ProviderStatus" NOT NULL DEFAULT 'PENDING',
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Provider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feed" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "url" TEXT,
    "uploadName" TEXT,
    "upload" BYTEA,
    "kind" "FeedKind",
    "detectedKind" "FeedKind",
    "schedule" TEXT NOT NULL DEFAULT '0 5 * * *',
    "config" JSONB NOT NULL DEFAULT '{}',
    "state" "FeedState" NOT NULL DEFAULT 'ACTIVE',
    "lastRunAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "lastChangeAt" TIMESTAMP(3),
    "lastErrorAt" TIMESTAMP(3),
    "lastError" TEXT,
    "failingSince" TIMESTAMP(3),
    "etag" TEXT,
    "lastModified" TEXT,
    "contentHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Feed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL,
    "feedId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "status" "OfferStatus" NOT NULL DEFAULT 'ACTIVE',
    "withdrawnAt" TIMESTAMP(3),
    "title" TEXT NOT NULL,
    "url" TEXT,
    "descriptionHtml" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "online" BOOLEAN NOT NULL DEFAULT false,
    "hybrid" BOOLEAN NOT NULL DEFAULT false,
    "free" BOOLEAN NOT NULL DEFAULT false,
    "priceAmount" DECIMAL(10,2),
    "priceCurrency" TEXT,
    "priceText" TEXT,
    "teachingUnits" DECIMAL(6,1),
    "audiences" TEXT[],
    "kind" "OfferKind",
    "funding" TEXT[],
    "accessibility" TEXT,
    "registrationUrl" TEXT,
    "registrationDeadline" TEXT,
    "keywords" TEXT[],
    "organizer" TEXT,
    "locationName" TEXT,
    "street" TEXT,
    "postalCode" TEXT,
    "municipality" TEXT,
    "municipalityKey" TEXT,
    "districtKey" TEXT,
    "regionKey" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "firstStart" TIMESTAMP(3),
    "lastEnd" TIMESTAMP(3),
    "autoRelevant" BOOLEAN NOT NULL DEFAULT false,
    "relevanceScore" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "autoLearningFormat" "LearningFormatCode",
    "relevantOverride" BOOLEAN,
    "learningFormatOverride" "LearningFormatCode",
    "relevant" BOOLEAN NOT NULL DEFAULT false,
    "learningFormat" "LearningFormatCode",
    "roles" TEXT[],
    "learningAreas" TEXT[],
    "moduleCodes" TEXT[],
    "needsReview" BOOLEAN NOT NULL DEFAULT false,
    "reviewReasons" TEXT[],
    "knowledgeVersion" TEXT,
    "taxonomyVersion" TEXT,
    "completeness" JSONB NOT NULL DEFAULT '{}',
    "completenessScore" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "warnings" TEXT[],
    "raw" JSONB NOT NULL DEFAULT '{}',
    "contentHash" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "adapter" TEXT NOT NULL,
    "adapterVersion" TEXT NOT NULL,
    "duplicateOfId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "searchVector" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('german'::regconfig, coalesce("title", '')), 'A') ||
        setweight(to_tsvector('german'::regconfig, hub_keywords_text("keywords")), 'B') ||
        setweight(to_tsvector('german'::regconfig, coalesce("description", '')), 'C')
    ) STORED,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "start" TIMESTAMP(3) NOT NULL,
    "end" TIMESTAMP(3),
    "allDay" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferModule" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "moduleCode" TEXT NOT NULL,
    "source" "AssignmentSource" NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "evidence" TEXT[],
    "removed" BOOLEAN NOT NULL DEFAULT false,
    "taxonomyVersion" TEXT NOT NULL,
    "knowledgeVersion" TEXT,
    "decidedBy" TEXT,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfferModule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objection" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "status" "ObjectionStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "Objection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IngestRun" (
    "id" TEXT NOT NULL,
    "feedId" TEXT NOT NULL,
    "trigger" "RunTrigger" NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'RUNNING',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "fetched" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "withdrawn" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "rejections" JSONB NOT NULL DEFAULT '[]',
    "warnings" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "IngestRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "AccessRole" NOT NULL,
    "providerId" TEXT,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "AccessRole" NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT,
    "role" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Provider_slug_key" ON "Provider"("slug");

-- CreateIndex
CREATE INDEX "Feed_providerId_idx" ON "Feed"("providerId");

-- CreateIndex
CREATE INDEX "Offer_providerId_idx" ON "Offer"("providerId");

-- CreateIndex
CREATE INDEX "Offer_status_relevant_firstStart_idx" ON "Offer"("status", "relevant", "firstStart");

-- CreateIndex
CREATE INDEX "Offer_districtKey_idx" ON "Offer"("districtKey");

-- CreateIndex
CREATE INDEX "Offer_regionKey_idx" ON "Offer"("regionKey");

-- CreateIndex
CREATE INDEX "Offer_duplicateOfId_idx" ON "Offer"("duplicateOfId");

-- CreateIndex
CREATE INDEX "Offer_moduleCodes_idx" ON "Offer" USING GIN ("moduleCodes");

-- CreateIndex
CREATE INDEX "Offer_learningAreas_idx" ON "Offer" USING GIN ("learningAreas");

-- CreateIndex
CREATE INDEX "Offer_roles_idx" ON "Offer" USING GIN ("roles");

-- CreateIndex
CREATE UNIQUE INDEX "Offer_feedId_sourceKey_key" ON "Offer"("feedId", "sourceKey");

-- CreateIndex
CREATE INDEX "Session_offerId_idx" ON "Session"("offerId");

-- CreateIndex
CREATE INDEX "Session_start_idx" ON "Session"("start");

-- CreateIndex
CREATE INDEX "OfferModule_moduleCode_idx" ON "OfferModule"("moduleCode");

-- CreateIndex
CREATE UNIQUE INDEX "OfferModule_offerId_moduleCode_source_key" ON "OfferModule"("offerId", "moduleCode", "source");

-- CreateIndex
CREATE INDEX "IngestRun_feedId_startedAt_idx" ON "IngestRun"("feedId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_prefix_key" ON "ApiToken"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "UserSession_tokenHash_key" ON "UserSession"("tokenHash");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- AddForeignKey
ALTER TABLE "Module" ADD CONSTRAINT "Module_learningAreaCode_fkey" FOREIGN KEY ("learningAreaCode") REFERENCES "LearningArea"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "District" ADD CONSTRAINT "District_regionKey_fkey" FOREIGN KEY ("regionKey") REFERENCES "Region"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_districtKey_fkey" FOREIGN KEY ("districtKey") REFERENCES "District"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feed" ADD CONSTRAINT "Feed_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_feedId_fkey" FOREIGN KEY ("feedId") REFERENCES "Feed"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_districtKey_fkey" FOREIGN KEY ("districtKey") REFERENCES "District"("key") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Offer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferModule" ADD CONSTRAINT "OfferModule_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferModule" ADD CONSTRAINT "OfferModule_moduleCode_fkey" FOREIGN KEY ("moduleCode") REFERENCES "Module"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IngestRun" ADD CONSTRAINT "IngestRun_feedId_fkey" FOREIGN KEY ("feedId") REFERENCES "Feed"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- German full-text search over title (A), provider keywords (B) and description (C).
CREATE INDEX "Offer_searchVector_idx" ON "Offer" USING GIN ("searchVector");
