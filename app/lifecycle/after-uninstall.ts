/** Topics that still run for a shop that has uninstalled the app (shop/redact comes 48 h later). */
export const AFTER_UNINSTALL_TOPICS = ["APP_UNINSTALLED", "CUSTOMERS_DATA_REQUEST", "CUSTOMERS_REDACT", "SHOP_REDACT"];
