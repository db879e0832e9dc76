/** 32 hex characters (128 bits) from the browser's cryptographic generator (see random-hex.ts). */
export async function randomHex(): Promise<string> {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes).map((b) => b.toString(16).padStart(2, '0')).join('')
}
