/**
 * Real image bytes for the metadata tests: a small baseline JPEG and a PNG (Python's imghdr test
 * images), plus builders that add what a phone camera writes — an EXIF block with camera make,
 * model, time and GPS position, an XMP/IPTC-like APPn, a comment; PNG text, time and eXIf chunks.
 */
import zlib from 'node:zlib'

export const PLAIN_JPEG = Buffer.from('/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAVAQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLUlRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/HvuRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KOp1KM6iCNvngZHwetf//Z', 'base64')
/** has two tEXt chunks (date:create / date:modify 2014-01-26) */
export const TEXT_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAMAAAAoLQ9TAAAAIGNIUk0AAHomAACAhAAA+gAAAIDoAAB1MAAA6mAAADqYAAAXcJy6UTwAAAHFUExURQAAAE6NwEqGujxxnjdolgAAAAAAAAAAAAAAAAAAAE6PxEyKv0iFtkN9rT10oTlsljZmkAAAAAAAAFKRxv3dSvnVPgAAADJghwAAAP3VNgAAADVokgAAAOzORQAAADZpkxsxRQAAAAAAAOLDRf3ZQQAAAEaBsjZnkQAAAPLhbv3pav3LG0N9rhwyS/Xjb/PBGkB1oz1zogAAAMKaEgAAAAAAAAAAAAAAAAAAAOjHPevFNOvCKuu+Ieu7GMabEgAAAAAAAAAAAAAAAAAAAAAAAAAAAP3eTgAAAAAAAAAAAAAAAPHQP/rTOf3SL/rHGcCXEgAAAAAAAAAAAAAAAAAAAAAAAEiDtER+rUB4p0yKvP///0V/r0F5qD50ojpvmzZplEmFt0aAsUJ7qj51oztwnTdqljhsl0+NwUuIu0R9rUB4pj1zoDltmf/iVVCPw0yJvEiEtT10of/eS//aQU2LvkaAsDtwnP/aQv/WN//TLUqHuUeBskN8qz92pf/XOP/PI//mYf/jV//fTf/bQv/TLv/PJP/rbP/nYf/bQ//XOf/MHDpwnP/nYv/jWP/fTv/TL//bRP/XOv/TMP/QJf/YOv/UMP/QJpJJAAIAAABWdFJOUwCv7feSCwMoQRV+oKGjp6qqSBi994IKtkPtJPdPiD22XExHa/dG96pOpvf311uzwm/3S3o0CCE8NaqpqampeSACCRMSLB73QBwFAUzM99h7Ox1CRTgf+DIQcQAAAAFiS0dEWgO7paIAAAD1SURBVBjTY2AAAkamsPAIZhZWNgYoiIyKjomNi2dnhQkkJCYlp6TGc3CCeVzcPLx8/AJp8fGCQiC+cHpGWGZWdk48UCBXRFSMIS+/IDqmMA7IF5coKpaUYihJKE1KLkuNlxaXkS2vqJRjqKquqZVXUBRU4lBWqausV2VQy8xS19DUamhsaq5radVWYtCJKdTVa2tvbOrobGnt0udgMDDsNmrr6e3r6Oxv7eoyNmEwNTO3APItraxtbG3tOOwZHBydnHv7JkycNLmLw8LFFeJ6twlTpk6L0nb3cPT0Agt4+/hO6/LzD3CGec400CJIKTgk1BTIBgBAYkJ/yC2b5QAAACV0RVh0ZGF0ZTpjcmVhdGUAMjAxNC0wMS0yNlQyMDo1OTozNyswMjowMPuaB3cAAAAldEVYdGRhdGU6bW9kaWZ5ADIwMTQtMDEtMjZUMjA6NTk6MDArMDI6MDDB74amAAAAAElFTkSuQmCC', 'base64')

export const CAMERA = { make: 'Canon', model: 'EOS-R6-SERIAL-8841', dateTime: '2026:11:20 14:37:05', latitude: [31, 13, 4467], longitude: [121, 28, 2931] }

function ifd(entries: Array<{ tag: number; type: number; count: number; value: Buffer }>, offset: number, next = 0): { bytes: Buffer; size: number } {
  // Little-endian TIFF IFD: count, 12-byte entries, next-IFD offset, then the out-of-line values.
  const head = 2 + entries.length * 12 + 4
  const parts: Buffer[] = []
  const table = Buffer.alloc(head)
  table.writeUInt16LE(entries.length, 0)
  let extra = offset + head
  entries.forEach((e, i) => {
    const at = 2 + i * 12
    table.writeUInt16LE(e.tag, at)
    table.writeUInt16LE(e.type, at + 2)
    table.writeUInt32LE(e.count, at + 4)
    if (e.value.length <= 4) e.value.copy(table, at + 8)
    else {
      table.writeUInt32LE(extra, at + 8)
      parts.push(e.value)
      extra += e.value.length
    }
  })
  table.writeUInt32LE(next, head - 4)
  const bytes = Buffer.concat([table, ...parts])
  return { bytes, size: bytes.length }
}

const ascii = (s: string) => Buffer.from(`${s}\0`, 'latin1')
const long = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); return b }
function rationals(values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 8)
  // degrees/1, minutes/1, seconds*100/100
  values.forEach((v, i) => { b.writeUInt32LE(i === 2 ? v : v, i * 8); b.writeUInt32LE(i === 2 ? 100 : 1, i * 8 + 4) })
  return b
}

/** A genuine EXIF APP1 segment: IFD0 (Make, Model, DateTime, GPS pointer) and a GPS IFD. */
export function exifSegment(): Buffer {
  const ifd0Offset = 8
  const ifd0Entries = (gpsOffset: number) => [
    { tag: 0x010f, type: 2, count: CAMERA.make.length + 1, value: ascii(CAMERA.make) },
    { tag: 0x0110, type: 2, count: CAMERA.model.length + 1, value: ascii(CAMERA.model) },
    { tag: 0x0132, type: 2, count: CAMERA.dateTime.length + 1, value: ascii(CAMERA.dateTime) },
    { tag: 0x8825, type: 4, count: 1, value: long(gpsOffset) },
  ]
  const probe = ifd(ifd0Entries(0), ifd0Offset)
  const gpsOffset = ifd0Offset + probe.size
  const ifd0 = ifd(ifd0Entries(gpsOffset), ifd0Offset)
  const gps = ifd([
    { tag: 0x0001, type: 2, count: 2, value: ascii('N') },
    { tag: 0x0002, type: 5, count: 3, value: rationals(CAMERA.latitude) },
    { tag: 0x0003, type: 2, count: 2, value: ascii('E') },
    { tag: 0x0004, type: 5, count: 3, value: rationals(CAMERA.longitude) },
  ], gpsOffset)
  const tiff = Buffer.concat([Buffer.from('II*\0', 'latin1'), long(ifd0Offset), ifd0.bytes, gps.bytes])
  return segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]))
}

export function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0])
  head.writeUInt16BE(payload.length + 2, 2)
  return Buffer.concat([head, payload])
}

/** The plain JPEG with EXIF (GPS), an XMP APP1, an APP13 and a COM segment inserted after SOI. */
export function cameraJpeg(): Buffer {
  const extras = Buffer.concat([
    exifSegment(),
    segment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><tiff:Model>EOS-R6-SERIAL-8841</tiff:Model></x:xmpmeta>', 'latin1')),
    segment(0xed, Buffer.from('Photoshop 3.0\0IPTC byline: Zhang Ming', 'latin1')),
    segment(0xfe, Buffer.from('taken by zhang ming', 'latin1')),
  ])
  return Buffer.concat([PLAIN_JPEG.subarray(0, 2), extras, PLAIN_JPEG.subarray(2)])
}

export function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(body) >>> 0)
  return Buffer.concat([len, body, crc])
}

/** The PNG with its tEXt chunks plus tIME, iTXt (author) and eXIf chunks before IEND. */
export function cameraPng(): Buffer {
  const iend = TEXT_PNG.length - 12
  const time = Buffer.from([0x07, 0xea, 11, 20, 14, 37, 5])
  return Buffer.concat([
    TEXT_PNG.subarray(0, iend),
    pngChunk('tIME', time),
    pngChunk('iTXt', Buffer.from('Author\0\0\0\0\0Zhang Ming', 'latin1')),
    pngChunk('eXIf', exifSegment().subarray(10)),
    TEXT_PNG.subarray(iend),
  ])
}

/** The segment markers of a JPEG up to its first scan. */
export function jpegMarkers(bytes: Buffer): number[] {
  const out: number[] = []
  let i = 2
  while (i < bytes.length && bytes[i] === 0xff) {
    const m = bytes[i + 1]
    out.push(m)
    if (m === 0xda) break
    i += 2 + bytes.readUInt16BE(i + 2)
  }
  return out
}

export function pngChunkTypes(bytes: Buffer): string[] {
  const out: string[] = []
  for (let i = 8; i < bytes.length; i += 12 + bytes.readUInt32BE(i)) out.push(bytes.subarray(i + 4, i + 8).toString('latin1'))
  return out
}
