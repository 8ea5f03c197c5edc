import type { ControlProductInput } from "../../emulators/shopify";

/** A small Vietnamese shop: tea, coffee and silk, with the Vietnamese text the real data carries. */
export const demoProducts: ControlProductInput[] = [
  {
    title: "Trà Shan Tuyết cổ thụ",
    vendor: "Sông Hồng Tea",
    variants: [
      { title: "Hộp 100g", sku: "TRA-SHAN-100", price: "185000", weight: { unit: "GRAMS", value: 150 } },
      { title: "Hộp 250g", sku: "TRA-SHAN-250", price: "420000", weight: { unit: "GRAMS", value: 320 } },
    ],
  },
  {
    title: "Cà phê Robusta Buôn Ma Thuột",
    vendor: "Sông Hồng Tea",
    variants: [{ title: "Default Title", sku: "CAFE-ROB-500", price: "210000", weight: { unit: "KILOGRAMS", value: 0.55 } }],
  },
  {
    title: "Khăn lụa tơ tằm Hà Đông",
    vendor: "Sông Hồng Tea",
    variants: [
      { title: "Đỏ", sku: "KHAN-LUA-DO", price: "350000", weight: { unit: "GRAMS", value: 80 } },
      { title: "Xanh ngọc", sku: "KHAN-LUA-XANH", price: "350000", weight: { unit: "GRAMS", value: 80 } },
    ],
  },
];

export const demoCustomers = [
  { firstName: "Nguyễn Thị", lastName: "Hồng", phone: "0901234567", address1: "12 Lê Lợi", address2: "Phường Bến Nghé", city: "Quận 1", province: "TP Hồ Chí Minh", countryCode: "VN" },
  { firstName: "Trần Văn", lastName: "An", phone: "0912345678", address1: "5 Hàng Bài", address2: "Phường Tràng Tiền", city: "Quận Hoàn Kiếm", province: "Hà Nội", countryCode: "VN" },
  { firstName: "Lê Thị", lastName: "Mai", phone: "0987654321", address1: "88 Bạch Đằng", address2: "Phường Hải Châu 1", city: "Quận Hải Châu", province: "Đà Nẵng", countryCode: "VN" },
];

/** Grade-A units the merchant sent to the warehouse before the first orders. */
export const demoStock: Record<string, number> = {
  "TRA-SHAN-100": 120,
  "TRA-SHAN-250": 48,
  "CAFE-ROB-500": 75,
  "KHAN-LUA-DO": 30,
  "KHAN-LUA-XANH": 12,
};
