/**
 * Photos of an opinion go through cloud storage, never as bytes in a call:
 *  1. the app uploads each to `uploads/opinion/<random>.jpg|png` (the only place clients write);
 *  2. `readStagedImages` downloads them, refuses anything that is not a JPEG or PNG by its bytes or
 *     is over 1 MB, and strips every metadata segment — before anything is written or counted;
 *  3. the function keeps its own copy under `opinion-images/<random>.<ext>`, a path only functions
 *     write: a named item's at once, an anonymous item's at its daily batch (see batch.ts), so no
 *     stored file's time is the moment of submission;
 *  4. `deleteStaged` removes the uploads (they carry the uploader in storage's own records).
 */
import { OPINION_IMAGE_MAX_BYTES, OPINION_MAX_IMAGES, OPINION_STAGING_PREFIX } from '../../types/opinion'
import type { Ctx } from '../_shared/context'
import { AppError } from '../_shared/errors'
import { ImageFormatError, stripImageMetadata, type ImageKind } from './image-strip'

export interface CleanImage {
  kind: ImageKind
  bytes: Buffer
}

/** The staging path inside a fileID (`cloud://env.bucket/<path>`), or null when it is not one of ours. */
function stagingPath(fileId: string): string | null {
  const path = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId)?.[1]
  return path && path.startsWith(OPINION_STAGING_PREFIX) && !path.slice(OPINION_STAGING_PREFIX.length).includes('/') ? path : null
}

/**
 * A staged photo that is not there (any more): an upload that never finished — or, in a double tap,
 * the other call of the same form submitted it and deleted the staging files.
 */
export class StagedImageGone extends AppError {
  constructor(which: string) {
    super('BAD_INPUT', `${which}已失效或没有上传成功，请重新选择图片。`)
  }
}

async function readOne(ctx: Ctx, fileId: string, index: number): Promise<CleanImage> {
  const which = `第 ${index + 1} 张图片`
  if (!stagingPath(fileId)) throw new AppError('BAD_INPUT', `${which}没有上传成功，请重新选择图片。`)
  let bytes: Buffer
  try {
    bytes = await ctx.services.download(fileId)
  } catch {
    throw new StagedImageGone(which)
  }
  if (bytes.length > OPINION_IMAGE_MAX_BYTES) {
    throw new AppError('BAD_INPUT', `${which}超过 ${OPINION_IMAGE_MAX_BYTES / 1024 / 1024} MB，请换一张或截图后再传。`)
  }
  try {
    return stripImageMetadata(bytes)
  } catch (err) {
    if (err instanceof ImageFormatError) throw new AppError('BAD_INPUT', `${which}不是可识别的 JPG 或 PNG 图片，请重新选择。`)
    throw err
  }
}

/** Every photo checked and cleaned, in order; the first bad one refuses the whole submission. */
export async function readStagedImages(ctx: Ctx, fileIds: string[]): Promise<CleanImage[]> {
  if (fileIds.length > OPINION_MAX_IMAGES) throw new AppError('BAD_INPUT', `最多上传 ${OPINION_MAX_IMAGES} 张图片。`)
  if (new Set(fileIds).size !== fileIds.length) throw new AppError('BAD_INPUT', '同一张图片上传了两次，请删掉重复的再提交。')
  const out: CleanImage[] = []
  for (const [i, id] of fileIds.entries()) out.push(await readOne(ctx, id, i))
  return out
}

export const extensionOf = (kind: ImageKind) => (kind === 'jpeg' ? 'jpg' : 'png')

/** Writes a cleaned photo where only functions write; the same name overwrites (a retried batch adds nothing). */
export function storeFinalImage(ctx: Ctx, name: string, image: CleanImage): Promise<string> {
  return ctx.services.upload(`opinion-images/${name}.${extensionOf(image.kind)}`, image.bytes)
}

/**
 * Removes the caller's staged uploads (only paths under uploads/opinion/: a forged fileID can never
 * make the function delete anything else). Best effort: a failure leaves an upload that nothing
 * references. wx-server-sdk is loaded here, at the first deletion, not at cold start.
 */
export async function deleteStaged(fileIds: string[]): Promise<void> {
  const ours = fileIds.filter((id) => stagingPath(id))
  if (ours.length === 0) return
  try {
    const { default: cloud } = await import('wx-server-sdk')
    await cloud.deleteFile({ fileList: ours })
  } catch {
    // Nothing to tell the submitter: their opinion is stored either way.
  }
}
