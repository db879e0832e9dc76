import Taro from '@tarojs/taro'

/** Downloads the roster and opens it in WeChat's document viewer (forward or save from there). */
export async function openExport(url: string): Promise<void> {
  const { tempFilePath } = await Taro.downloadFile({ url })
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true })
}
