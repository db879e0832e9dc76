import { OPINION_STAGING_PREFIX } from '../../../types/opinion'
import { files } from '@/services/files'
import { randomHex } from './random-hex'

/**
 * Uploads the chosen photos for one submission attempt to `uploads/opinion/<random>.<ext>` (the
 * only place the app may write) and returns their fileIDs. Done at the submit tap, not when a photo
 * is picked: a staged upload is the one thing storage ties to the uploader, and the function deletes
 * it as soon as the submission is answered.
 */
export async function stagePhotos(paths: string[]): Promise<string[]> {
  const out: string[] = []
  for (const path of paths) {
    const ext = /\.png$/i.test(path) || path.startsWith('data:image/png') ? 'png' : 'jpg'
    out.push(await files.uploadFile(path, `${OPINION_STAGING_PREFIX}${await randomHex()}.${ext}`))
  }
  return out
}
