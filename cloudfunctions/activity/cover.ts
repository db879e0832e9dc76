/**
 * Activity covers go through cloud storage, never through the call. The editor uploads the picture
 * to `uploads/activity/<random>.<ext>`; saving the activity downloads it, checks its size and its type
 * by its bytes (JPEG or PNG), strips what the file says about camera, place and time, and stores the
 * clean copy at `activity-covers/<sha256>.<ext>` — a path only functions write, named by content so a
 * retried save stores the same file again. The staging copy is deleted once the activity is saved.
 * An `activity-covers/…` id is accepted only as the draft's own current cover: a form cannot borrow
 * another file by sending its id.
 */
import { createHash } from 'node:crypto'
import cloud from 'wx-server-sdk'
import type { Ctx } from '../_shared/context'
import { AppError } from '../_shared/errors'
import { ImageFormatError, stripImageMetadata } from '../opinion/image-strip'

export const COVER_MAX_BYTES = 10 * 1024 * 1024
const STAGED = /^cloud:\/\/[^/]+\/uploads\/activity\/[^/]+$/

export const isStagedCover = (fileId: string | undefined): fileId is string => !!fileId && STAGED.test(fileId)

const invalid = () => new AppError('BAD_INPUT', '封面图片无效，请重新选择上传。')

/** The cover to store: a staged upload checked and copied, the current one kept, or none. Writes nothing else. */
export async function keepCover(ctx: Ctx, fileId: string | undefined, current: string | undefined): Promise<string | undefined> {
  if (!fileId) return undefined
  if (fileId === current) return current
  if (!isStagedCover(fileId)) throw invalid()
  const bytes = await ctx.services.download(fileId).catch(() => {
    throw new AppError('BAD_INPUT', '封面图片已失效，请重新选择上传。')
  })
  if (bytes.length > COVER_MAX_BYTES) throw new AppError('BAD_INPUT', '封面图片超过 10 MB，请换一张。')
  let clean: ReturnType<typeof stripImageMetadata>
  try {
    clean = stripImageMetadata(bytes)
  } catch (err) {
    if (err instanceof ImageFormatError) throw new AppError('BAD_INPUT', '封面图片不是 JPG 或 PNG 图片，请重新选择。')
    throw err
  }
  const hash = createHash('sha256').update(clean.bytes).digest('hex')
  return ctx.services.upload(`activity-covers/${hash}.${clean.kind === 'jpeg' ? 'jpg' : 'png'}`, clean.bytes)
}

/** Deletes the staging copy after the save. Best effort: a copy left behind is only a duplicate. */
export async function discardStagedCover(fileId: string | undefined): Promise<void> {
  if (!isStagedCover(fileId)) return
  await (cloud as unknown as { deleteFile(p: { fileList: string[] }): Promise<unknown> }).deleteFile({ fileList: [fileId] }).catch(() => undefined)
}
