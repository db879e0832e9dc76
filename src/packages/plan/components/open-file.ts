/** Default for type-checking and tests; builds resolve open-file.weapp.ts or open-file.h5.ts. */
export async function openFile(_url: string, _type: 'docx' | 'doc' | 'pdf' | 'xls' | 'xlsx'): Promise<void> {}
