import { OPINION_IMAGE_MAX_BYTES, OPINION_MAX_IMAGES } from '../../types/opinion'
import type { Ctx } from '../_shared/context'
import { AppError } from '../_shared/errors'
import { ImageFormatError, stripImageMetadata } from './image-strip'
import { randomId } from './secret'

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** base64 (optionally a `data:image/...;base64,` URL) → bytes; refuses anything else in Chinese. */
export function decodeImage(text: string, index: number): Buffer {
  const body = text.replace(/^data:image\/[a-z+.-]+;base64,/i, '').replace(/\s/g, '')
  if (!BASE64.test(body) || body.length % 4 !== 0 || body.length === 0) {
    throw new AppError('BAD_INPUT', `第 ${index + 1} 张图片无法读取，请重新选择图片。`)
  }
  const bytes = Buffer.from(body, 'base64')
  if (bytes.length > OPINION_IMAGE_MAX_BYTES) {
    throw new AppError('BAD_INPUT', `第 ${index + 1} 张图片超过 ${OPINION_IMAGE_MAX_BYTES / 1024 / 1024} MB，请换一张或截图后再传。`)
  }
  return bytes
}

/**
 * Checks every image first (so a bad third image stores nothing), strips metadata, then stores
 * each under a random name in a flat folder: the name says nothing of who, when or in what order.
 */
export async function storeOpinionImages(ctx: Ctx, images: string[]): Promise<string[]> {
  if (images.length > OPINION_MAX_IMAGES) throw new AppError('BAD_INPUT', `最多上传 ${OPINION_MAX_IMAGES} 张图片。`)
  const cleaned = images.map((text, i) => {
    const bytes = decodeImage(text, i)
    try {
      return stripImageMetadata(bytes)
    } catch (err) {
      if (err instanceof ImageFormatError) throw new AppError('BAD_INPUT', `第 ${i + 1} 张图片不是可识别的 JPG 或 PNG 图片，请重新选择。`)
      throw err
    }
  })
  const ids: string[] = []
  for (const img of cleaned) ids.push(await ctx.services.upload(`opinion-images/${randomId()}.${img.kind === 'jpeg' ? 'jpg' : 'png'}`, img.bytes))
  return ids
}
