import Taro from '@tarojs/taro'

const MAX_SIDE = 1600

/** Redraws a picture on a canvas as a JPEG data URL: smaller, upright, and with no metadata at all. */
function toJpeg(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => {
      const scale = Math.min(1, MAX_SIDE / Math.max(img.width, img.height))
      const canvas = document.createElement('canvas')
      canvas.width = Math.round(img.width * scale)
      canvas.height = Math.round(img.height * scale)
      canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height)
      resolve(canvas.toDataURL('image/jpeg', 0.8))
    }
    img.onerror = () => reject(new Error('image'))
    img.src = url
  })
}

/** Browser build: choose pictures, re-encoded (data URLs, uploaded at the submit tap — see photos.ts). */
export async function pickImages(max: number): Promise<string[]> {
  const chosen = await Taro.chooseImage({ count: max, sizeType: ['compressed'] })
  return Promise.all(chosen.tempFilePaths.map(toJpeg))
}
