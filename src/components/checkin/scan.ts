/** Default for type-checking and tests; builds resolve scan.weapp.ts or scan.h5.ts. */
export const canScan = false
export async function scanCode(): Promise<string> {
  throw new Error('no scanner on this platform')
}
