/**
 * Opinion-only collections (the items themselves are `opinions`, OpinionDoc in _shared/documents.ts).
 * Read and written by this function only.
 */
import type { ImageKind } from './image-strip'

export const OPINION_COLLECTIONS = {
  imageHolds: 'opinion_image_holds',
} as const

/**
 * One photo of an anonymous item that waits for the daily batch: the bytes, already checked and
 * stripped of metadata, kept in the database instead of in storage so that no stored file carries
 * the moment of submission (a storage object keeps its creation time; this document keeps none).
 * The batch writes it to `opinion-images/<name>.<ext>` and removes this document.
 * `_id` = `<opinionId>_<index>`, so a retried submission overwrites rather than adds.
 */
export interface OpinionImageHoldDoc {
  _id: string
  opinionId: string
  /** the photo's place in the item (0-based) */
  index: number
  /** the final file's random name, chosen at submission (no time, no order) */
  name: string
  kind: ImageKind
  /** the stripped bytes, base64 (≤ 1 MB of image) */
  data: string
  /** the submission day (the item has it too); the batch sweeps holds left by abandoned writes */
  day: string
}
