import Taro from '@tarojs/taro'

/**
 * WeChat: choose photos, compress them, and read the bytes as base64 — the bytes go inside the
 * call, never through wx.cloud.uploadFile (cloud storage would record who uploaded them). The
 * function strips what metadata is left.
 */
export async function pickImages(max: number): Promise<string[]> {
  const chosen = await Taro.chooseMedia({ count: max, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  const fs = Taro.getFileSystemManager()
  const out: string[] = []
  for (const f of chosen.tempFiles) {
    const small = await Taro.compressImage({ src: f.tempFilePath, quality: 70 })
    const data = fs.readFileSync(small.tempFilePath, 'base64') as string
    out.push(data)
  }
  return out
}
