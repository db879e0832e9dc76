import Taro from '@tarojs/taro'
import { extensionOf, IMAGE_EXTENSIONS, savedFileName, type FileOps } from './file-types'

/** WeChat: cloud storage through wx.cloud, pickers and viewers from the platform. */
export const files: FileOps = {
  async pickImages(count) {
    const res = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return res.tempFiles.map((f, i) => ({ path: f.tempFilePath, name: `image-${i + 1}.${extensionOf(f.tempFilePath) || 'jpg'}`, size: f.size }))
  },
  async pickDocuments(count, extensions) {
    const res = await Taro.chooseMessageFile({ count, type: 'file', extension: extensions })
    return res.tempFiles.map((f) => ({ path: f.path, name: f.name, size: f.size }))
  },
  async uploadFile(path, cloudPath) {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath: path })
    return res.fileID
  },
  async readBase64(path) {
    return Taro.getFileSystemManager().readFileSync(path, 'base64') as string
  },
  async openFile(url, name) {
    if (IMAGE_EXTENSIONS.includes(extensionOf(name))) {
      await Taro.previewImage({ urls: [url], current: url })
      return
    }
    // Saved under the function's name in the user data folder (a temp path would be a hash), so
    // 转发 or 保存 from WeChat's viewer hand on 会员名册-2026-11-22.xlsx; a second export overwrites it.
    const filePath = `${Taro.env.USER_DATA_PATH}/${savedFileName(name)}`
    const res = await Taro.downloadFile({ url, filePath })
    if (res.statusCode !== 200) throw new Error(`download failed: HTTP ${res.statusCode}`)
    await Taro.openDocument({ filePath: (res as { filePath?: string }).filePath || filePath, fileType: extensionOf(name) as any, showMenu: true })
  },
}
