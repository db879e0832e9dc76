import Taro from '@tarojs/taro'

const MAX_SIDE = 1600

/** Redraws a picture on a canvas as JPEG: smaller, upright, and with no metadata at all. */
function toJpegBase64(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => {
      const scale = Math.min(1, MAX_SIDE / Math.max(img.width, img.height))
      const canvas = document.createElement('canvas')
      canvas.width = Math.round(img.width * scale)
      canvas.height = Math.round(img.height * scale)
      canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height)
      resolve(canvas.toDataURL('image/jpeg', 0.8).replace(/^data:image\/jpeg;base64,/, ''))
    }
    img.onerror = () => reject(new Error('image'))
    img.src = url
  })
}

/** Browser build: choose pictures and send them re-encoded (see pick-images.ts for why bytes, not uploads). */
export async function pickImages(max: number): Promise<string[]> {
  const chosen = await Taro.chooseImage({ count: max, sizeType: ['compressed'] })
  return Promise.all(chosen.tempFilePaths.map(toJpegBase64))
}
