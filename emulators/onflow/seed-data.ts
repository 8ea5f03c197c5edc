/**
 * Reference data every emulated account starts with. Codes follow the documented pattern
 * `ONF_WH_<CITY>_<SITE>` (README §6) but are made up, as are brands and addresses.
 */
export const SEEDED_WAREHOUSES = [
  { warehouse_code: "ONF_WH_HCM_Q7", name: "Kho Quận 7", address: "Khu Chế Xuất Tân Thuận, Quận 7, Thành phố Hồ Chí Minh" },
  { warehouse_code: "ONF_WH_HN_GL", name: "Kho Gia Lâm", address: "Khu Công Nghiệp Gia Lâm, Thành phố Hà Nội" },
  { warehouse_code: "ONF_WH_DN_HC", name: "Kho Hòa Cầm", address: "Khu Công Nghiệp Hòa Cầm, Thành phố Đà Nẵng" },
];

export const SEEDED_BRANDS = [
  { id: 3105, name: "Sông Hồng Tea" },
  { id: 3106, name: "Mekong Craft" },
  { id: 3107, name: "Phố Cổ Ceramics" },
];

export const SEEDED_PROVINCES = [
  { province_id: 79, province_name: "Thành phố Hồ Chí Minh" },
  { province_id: 1, province_name: "Thành phố Hà Nội" },
];

export const SEEDED_DISTRICTS = [
  { district_id: 760, province_id: 79, district_name: "Quận 1" },
  { district_id: 778, province_id: 79, district_name: "Quận 7" },
  { district_id: 1, province_id: 1, district_name: "Quận Ba Đình" },
  { district_id: 268, province_id: 1, district_name: "Quận Hoàn Kiếm" },
];

export const SEEDED_WARDS = [
  { ward_id: 26734, district_id: 760, ward_name: "Phường Bến Nghé" },
  { ward_id: 26737, district_id: 760, ward_name: "Phường Bến Thành" },
  { ward_id: 27487, district_id: 778, ward_name: "Phường Tân Phong" },
  { ward_id: 1, district_id: 1, ward_name: "Phường Phúc Xá" },
  { ward_id: 9562, district_id: 268, ward_name: "Phường Hàng Bạc" },
];

/** Carrier names by marketplace: in marketplace orders the label comes from the platform. */
export const COURIERS_BY_PLATFORM: Record<string, { name: string; prefix: string }> = {
  shopee: { name: "SPX Express", prefix: "SPXVN" },
  lazada: { name: "Lazada Logistics", prefix: "LZDVN" },
  tiktok: { name: "J&T Express", prefix: "JTVN" },
  tiki: { name: "TikiNOW Smart Logistics", prefix: "TKVN" },
  retail: { name: "Giao Hàng Nhanh", prefix: "GHN" },
};
