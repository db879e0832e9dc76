import Taro from '@tarojs/taro'

/** Downloads the document and opens it in WeChat's viewer (forward or save from there). */
export async function openFile(url: string, type: 'docx' | 'doc' | 'pdf' | 'xls' | 'xlsx'): Promise<void> {
  const { tempFilePath } = await Taro.downloadFile({ url })
  await Taro.openDocument({ filePath: tempFilePath, fileType: type, showMenu: true })
}
