/** The metadata filter on real image bytes (no cloud needed: pure functions). */
import { ImageFormatError, stripImageMetadata, stripJpeg, stripPng } from '../../cloudfunctions/opinion/image-strip'
import { CAMERA, PLAIN_JPEG, TEXT_PNG, cameraJpeg, cameraPng, jpegMarkers, pngChunkTypes } from './opinion-fixtures'

const latin = (b: Buffer) => b.toString('latin1')
const scanOf = (b: Buffer) => b.subarray(b.indexOf(Buffer.from([0xff, 0xda])))

describe('JPEG metadata filter', () => {
  const camera = cameraJpeg()

  it('the fixture really carries EXIF with camera, time and GPS (so the test can fail)', () => {
    expect(jpegMarkers(camera)).toEqual(expect.arrayContaining([0xe1, 0xed, 0xfe]))
    expect(latin(camera)).toContain('Exif\0\0')
    expect(latin(camera)).toContain(CAMERA.model)
    expect(latin(camera)).toContain(CAMERA.dateTime)
    expect(camera.includes(Buffer.from([CAMERA.latitude[0], 0, 0, 0, 1, 0, 0, 0]))).toBe(true)
  })

  it('drops EXIF (with GPS), XMP, APP13 and comments, and every APPn', () => {
    const out = stripJpeg(camera)
    const markers = jpegMarkers(out)
    expect(markers.filter((m) => m >= 0xe0 && m <= 0xef)).toEqual([])
    expect(markers).not.toContain(0xfe)
    for (const trace of ['Exif', CAMERA.make, CAMERA.model, CAMERA.dateTime, 'xmpmeta', 'Photoshop', 'zhang ming', 'Zhang Ming']) {
      expect(latin(out)).not.toContain(trace)
    }
    expect(out.includes(Buffer.from([CAMERA.latitude[0], 0, 0, 0, 1, 0, 0, 0]))).toBe(false)
  })

  it('keeps the picture: tables, frame header and the scan data byte for byte', () => {
    const out = stripJpeg(camera)
    expect(jpegMarkers(out)).toEqual(jpegMarkers(PLAIN_JPEG).filter((m) => m < 0xe0 || m > 0xef))
    expect(scanOf(out).equals(scanOf(PLAIN_JPEG))).toBe(true)
    expect(out.subarray(0, 2).equals(Buffer.from([0xff, 0xd8]))).toBe(true)
    expect(out.subarray(-2).equals(Buffer.from([0xff, 0xd9]))).toBe(true)
  })

  it('is idempotent on an already clean image', () => {
    const once = stripJpeg(camera)
    expect(stripJpeg(once).equals(once)).toBe(true)
  })

  it('refuses a truncated JPEG instead of storing what it cannot read', () => {
    expect(() => stripJpeg(camera.subarray(0, 120))).toThrow(ImageFormatError)
  })
})

describe('PNG metadata filter', () => {
  const png = cameraPng()

  it('the fixture carries text, time, author and eXIf chunks', () => {
    expect(pngChunkTypes(png)).toEqual(expect.arrayContaining(['tEXt', 'tIME', 'iTXt', 'eXIf']))
    expect(latin(png)).toContain('date:create')
  })

  it('keeps only the chunks needed to draw the picture', () => {
    const out = stripPng(png)
    expect(pngChunkTypes(out)).toEqual(['IHDR', 'cHRM', 'PLTE', 'tRNS', 'IDAT', 'IEND'])
    for (const trace of ['date:create', '2014-01-26', 'Zhang Ming', CAMERA.model, 'Exif']) expect(latin(out)).not.toContain(trace)
    expect(pngChunkTypes(stripPng(TEXT_PNG))).toEqual(['IHDR', 'cHRM', 'PLTE', 'tRNS', 'IDAT', 'IEND'])
  })
})

describe('stripImageMetadata', () => {
  it('tells JPEG from PNG by their bytes', () => {
    expect(stripImageMetadata(cameraJpeg()).kind).toBe('jpeg')
    expect(stripImageMetadata(cameraPng()).kind).toBe('png')
  })

  it('refuses anything else (GIF, text pretending to be an image)', () => {
    expect(() => stripImageMetadata(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toThrow(ImageFormatError)
    expect(() => stripImageMetadata(Buffer.from('<svg onload=alert(1)>'))).toThrow(ImageFormatError)
  })
})
