/**
 * Removes what an image says about its author: camera, GPS, time, software, comments.
 * A segment/chunk filter over the bytes (no decoding, so pixels are untouched):
 *  - JPEG: drops every APPn segment (APP1 EXIF/XMP, APP2 ICC, APP13 IPTC, …) and COM, keeping
 *    only an APP14 "Adobe" colour-transform marker (fixed 12 bytes, no identifying content).
 *  - PNG: keeps only the chunks needed to draw the picture (IHDR PLTE tRNS gAMA cHRM sRGB
 *    IDAT IEND); tEXt/zTXt/iTXt, tIME, eXIf, iCCP and every other chunk are dropped.
 * Anything that is neither, or is malformed, is refused: an image we cannot read is an image
 * we cannot promise to have cleaned.
 */

export type ImageKind = 'jpeg' | 'png'

export class ImageFormatError extends Error {}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const PNG_KEEP = new Set(['IHDR', 'PLTE', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'IDAT', 'IEND'])

export function imageKind(bytes: Buffer): ImageKind | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png'
  return null
}

export function stripImageMetadata(bytes: Buffer): { kind: ImageKind; bytes: Buffer } {
  const kind = imageKind(bytes)
  if (kind === 'jpeg') return { kind, bytes: stripJpeg(bytes) }
  if (kind === 'png') return { kind, bytes: stripPng(bytes) }
  throw new ImageFormatError('not a JPEG or PNG')
}

/** Markers that stand alone (no length): TEM, RST0–7, SOI, EOI. */
function standalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)
}

function keepJpegSegment(marker: number, payload: Buffer): boolean {
  if (marker === 0xfe) return false // COM
  if (marker === 0xee) return payload.length === 12 && payload.subarray(0, 5).toString('latin1') === 'Adobe'
  return !(marker >= 0xe0 && marker <= 0xef) // APP0–APP15
}

export function stripJpeg(src: Buffer): Buffer {
  const out: Buffer[] = [src.subarray(0, 2)]
  let i = 2
  for (;;) {
    // Fill bytes (0xFF) may precede a marker.
    if (i >= src.length || src[i] !== 0xff) throw new ImageFormatError('JPEG marker expected')
    while (i < src.length && src[i] === 0xff) i++
    if (i >= src.length) throw new ImageFormatError('JPEG ends inside a marker')
    const marker = src[i++]
    if (marker === 0xd9) {
      out.push(Buffer.from([0xff, 0xd9]))
      return Buffer.concat(out)
    }
    if (standalone(marker)) {
      out.push(Buffer.from([0xff, marker]))
      continue
    }
    if (i + 2 > src.length) throw new ImageFormatError('JPEG segment length missing')
    const length = src.readUInt16BE(i)
    if (length < 2 || i + length > src.length) throw new ImageFormatError('JPEG segment overruns the file')
    const segment = src.subarray(i - 2, i + length)
    const payload = src.subarray(i + 2, i + length)
    i += length
    if (keepJpegSegment(marker, payload)) out.push(segment)
    if (marker === 0xda) {
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart.
      const start = i
      while (i < src.length) {
        if (src[i] === 0xff && i + 1 < src.length) {
          const next = src[i + 1]
          if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) { i += next === 0xff ? 1 : 2; continue }
          break
        }
        i++
      }
      if (i >= src.length) throw new ImageFormatError('JPEG scan has no end')
      out.push(src.subarray(start, i))
    }
  }
}

export function stripPng(src: Buffer): Buffer {
  const out: Buffer[] = [PNG_SIGNATURE]
  let i = 8
  let sawEnd = false
  while (i < src.length && !sawEnd) {
    if (i + 12 > src.length) throw new ImageFormatError('PNG chunk header overruns the file')
    const length = src.readUInt32BE(i)
    const type = src.subarray(i + 4, i + 8).toString('latin1')
    const end = i + 12 + length
    if (!/^[A-Za-z]{4}$/.test(type) || end > src.length) throw new ImageFormatError('PNG chunk malformed')
    if (PNG_KEEP.has(type)) out.push(src.subarray(i, end))
    sawEnd = type === 'IEND'
    i = end
  }
  if (!sawEnd) throw new ImageFormatError('PNG has no IEND')
  return Buffer.concat(out)
}
