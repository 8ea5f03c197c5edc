-- The stock sync remembers the on_hand it last confirmed in Shopify, so a run reads Shopify only
-- for items it has no trusted value for.
ALTER TABLE "ProductLink" ADD COLUMN "shopifyOnHand" INTEGER;
ALTER TABLE "ProductLink" ADD COLUMN "shopifyOnHandAt" DATETIME;
