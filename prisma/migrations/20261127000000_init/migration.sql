-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" DATETIME,
    "accessToken" TEXT NOT NULL,
    "userId" BIGINT,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "accountOwner" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT,
    "collaborator" BOOLEAN DEFAULT false,
    "emailVerified" BOOLEAN DEFAULT false,
    "refreshToken" TEXT,
    "refreshTokenExpires" DATETIME
);

-- CreateTable
CREATE TABLE "Shop" (
    "domain" TEXT NOT NULL PRIMARY KEY,
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" DATETIME,
    "onflowTokenCipher" TEXT,
    "onflowTokenLast4" TEXT,
    "onflowEnvironment" TEXT NOT NULL DEFAULT 'production',
    "onflowCustomBaseUrl" TEXT,
    "onflowConnectedAt" DATETIME,
    "warehouseCode" TEXT,
    "warehouseName" TEXT,
    "brandId" INTEGER,
    "brandName" TEXT,
    "autoSendOrders" BOOLEAN NOT NULL DEFAULT true,
    "onflowPlatform" TEXT NOT NULL DEFAULT 'retail',
    "notifyCustomer" BOOLEAN NOT NULL DEFAULT true,
    "stockIntervalMinutes" INTEGER NOT NULL DEFAULT 15,
    "onflowWebhookKey" TEXT NOT NULL,
    "fulfillmentServiceId" TEXT,
    "locationId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "deliveryId" TEXT,
    "eventId" TEXT,
    "triggeredAt" DATETIME,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 8,
    "runAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "lastError" TEXT,
    "finishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ProductLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "inventoryItemId" TEXT,
    "sku" TEXT,
    "title" TEXT NOT NULL,
    "oasin" TEXT,
    "state" TEXT NOT NULL,
    "reason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "stockedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CatalogueBackfill" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "cursor" TEXT,
    "variantsSeen" INTEGER NOT NULL DEFAULT 0,
    "variantsSynced" INTEGER NOT NULL DEFAULT 0,
    "variantsFailed" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Handoff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "fulfillmentOrderId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "merchantReference" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "onflowTrackingCode" TEXT,
    "onflowStatus" INTEGER,
    "courierName" TEXT,
    "courierTrackingCode" TEXT,
    "reason" TEXT,
    "rejectionReason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "acceptedAt" DATETIME,
    "handedOverAt" DATETIME,
    "fulfilledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StockRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "itemsRead" INTEGER NOT NULL DEFAULT 0,
    "itemsChanged" INTEGER NOT NULL DEFAULT 0,
    "itemsFailed" INTEGER NOT NULL DEFAULT 0,
    "unlinkedOasins" TEXT NOT NULL DEFAULT '[]',
    "error" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ComplianceRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "customerId" TEXT,
    "summary" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Session_shop_idx" ON "Session"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "Shop_onflowWebhookKey_key" ON "Shop"("onflowWebhookKey");

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE INDEX "Job_shop_status_idx" ON "Job"("shop", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Job_source_deliveryId_key" ON "Job"("source", "deliveryId");

-- CreateIndex
CREATE INDEX "ProductLink_shop_sku_idx" ON "ProductLink"("shop", "sku");

-- CreateIndex
CREATE INDEX "ProductLink_shop_oasin_idx" ON "ProductLink"("shop", "oasin");

-- CreateIndex
CREATE INDEX "ProductLink_shop_productId_idx" ON "ProductLink"("shop", "productId");

-- CreateIndex
CREATE INDEX "ProductLink_shop_state_idx" ON "ProductLink"("shop", "state");

-- CreateIndex
CREATE UNIQUE INDEX "ProductLink_shop_variantId_key" ON "ProductLink"("shop", "variantId");

-- CreateIndex
CREATE INDEX "CatalogueBackfill_shop_status_idx" ON "CatalogueBackfill"("shop", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Handoff_fulfillmentOrderId_key" ON "Handoff"("fulfillmentOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "Handoff_merchantReference_key" ON "Handoff"("merchantReference");

-- CreateIndex
CREATE INDEX "Handoff_shop_state_idx" ON "Handoff"("shop", "state");

-- CreateIndex
CREATE INDEX "Handoff_shop_orderId_idx" ON "Handoff"("shop", "orderId");

-- CreateIndex
CREATE INDEX "StockRun_shop_startedAt_idx" ON "StockRun"("shop", "startedAt");

-- CreateIndex
CREATE INDEX "ComplianceRequest_shop_idx" ON "ComplianceRequest"("shop");

