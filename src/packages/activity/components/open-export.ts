/** Default for type-checking and tests; builds resolve open-export.weapp.ts or open-export.h5.ts. */
export async function openExport(_url: string): Promise<void> {}
