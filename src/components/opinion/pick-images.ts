import Taro from '@tarojs/taro'

/**
 * WeChat: choose photos and compress them; resolves local temp paths (uploaded at the submit tap,
 * see photos.ts). The function strips what metadata the compressed files still carry.
 */
export async function pickImages(max: number): Promise<string[]> {
  const chosen = await Taro.chooseMedia({ count: max, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  const out: string[] = []
  for (const f of chosen.tempFiles) out.push((await Taro.compressImage({ src: f.tempFilePath, quality: 70 })).tempFilePath)
  return out
}
