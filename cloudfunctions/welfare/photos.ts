/**
 * Visit photos go through cloud storage, never through the call. The app uploads each photo to its
 * staging folder `uploads/welfare/<random>.<ext>`; this module downloads it, checks its size and its
 * type by its bytes (JPEG or PNG), strips what the file says about camera, place and time, and stores
 * the clean copy at `welfare-photos/<sha256>.<ext>` — a path only functions write. The name is the
 * content's hash, so a retried save stores the same file again instead of a second one. The staging
 * copy is deleted once the visit is saved (a failed save leaves it for the retry).
 *
 * A `welfare-photos/…` id is accepted only if the visit already has that photo: a form cannot borrow
 * another visit's photo by sending its id.
 */
import { createHash } from 'node:crypto'
import type { Ctx } from '../_shared/context'
import { AppError } from '../_shared/errors'
import { ImageFormatError, stripImageMetadata } from '../opinion/image-strip'

/** A phone photo is 2–6 MB; the app compresses before upload. */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024
const STAGING = /^cloud:\/\/[^/]+\/uploads\/welfare\/[^/]+$/

export const isStaged = (fileId: string) => STAGING.test(fileId)

async function keepOne(ctx: Ctx, fileId: string, n: number): Promise<string> {
  const bytes = await ctx.services.download(fileId).catch(() => {
    throw new AppError('BAD_INPUT', `第 ${n} 张照片已失效，请删除后重新添加`)
  })
  if (bytes.length > PHOTO_MAX_BYTES) throw new AppError('BAD_INPUT', `第 ${n} 张照片超过 10 MB，请换一张`)
  let clean: ReturnType<typeof stripImageMetadata>
  try {
    clean = stripImageMetadata(bytes)
  } catch (err) {
    if (err instanceof ImageFormatError) throw new AppError('BAD_INPUT', `第 ${n} 张照片不是 JPG 或 PNG 图片，请重新选择`)
    throw err
  }
  const hash = createHash('sha256').update(clean.bytes).digest('hex')
  return ctx.services.upload(`welfare-photos/${hash}.${clean.kind === 'jpeg' ? 'jpg' : 'png'}`, clean.bytes)
}

/**
 * The photos to store on the visit, in the order sent: staged ones checked and copied, kept ones
 * verified against `current`. Refuses (writing nothing) before the visit is touched.
 */
export async function keepPhotos(ctx: Ctx, photos: string[], current: readonly string[] = []): Promise<string[]> {
  const kept: string[] = []
  for (const [i, fileId] of photos.entries()) {
    if (isStaged(fileId)) kept.push(await keepOne(ctx, fileId, i + 1))
    else if (current.includes(fileId)) kept.push(fileId)
    else throw new AppError('BAD_INPUT', `第 ${i + 1} 张照片不属于这条慰问记录，请删除后重新添加`)
  }
  return [...new Set(kept)]
}

/** Deletes the staging copies after the visit is saved. Best effort: a copy left behind is only a duplicate. */
export async function discardStaged(photos: string[]): Promise<void> {
  const staged = photos.filter(isStaged)
  if (staged.length === 0) return
  // The SDK instance index.ts initialised (loaded here, not at module top, so schema-only imports of the routes need no SDK).
  const { default: cloud } = (await import('wx-server-sdk')) as unknown as { default: { deleteFile(p: { fileList: string[] }): Promise<unknown> } }
  await cloud.deleteFile({ fileList: staged }).catch(() => undefined)
}
