import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// AES-256-GCM with a random 96-bit nonce per message; the stored form is
// "v1:<nonce>:<auth tag>:<ciphertext>" in base64url so the key can be rotated later by version.
const VERSION = "v1";

export function encryptSecret(plaintext: string, keyHex: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(keyHex, "hex"), nonce);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, nonce, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(":");
}

export function decryptSecret(sealed: string, keyHex: string): string {
  const [version, nonce, tag, ciphertext] = sealed.split(":");
  if (version !== VERSION || !nonce || !tag || ciphertext === undefined) {
    throw new Error("Stored secret is not in a format this version can read");
  }
  const decipher = createDecipheriv("aes-256-gcm", Buffer.from(keyHex, "hex"), Buffer.from(nonce, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
