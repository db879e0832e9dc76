/** In the browser the page shows the download link; opening it in a new tab is enough. */
export async function openFile(url: string, _type: 'docx' | 'doc' | 'pdf' | 'xls' | 'xlsx'): Promise<void> {
  window.open(url, '_blank')
}
