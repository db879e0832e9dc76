/**
 * The check-in QR encoder, checked by decoding its output the way a scanner does: read the
 * format information, unmask, collect the codewords in the zigzag order, de-interleave, verify
 * every block's Reed–Solomon check bytes, and parse the byte-mode segment.
 */
import { MASKS, base64Ascii, dataCodewords, encodeQr, formatBits, functionModules, rsRemainder } from '@/components/checkin/qr'

const ECC = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26]
const BLOCKS = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5]

function decode(m: boolean[][]): string {
  const size = m.length
  const ver = (size - 17) / 4
  // Format information, first copy (around the top-left finder).
  let bits = 0
  const bit = (x: number, y: number) => (m[y][x] ? 1 : 0)
  const read: Array<[number, number]> = [[8, 0], [8, 1], [8, 2], [8, 3], [8, 4], [8, 5], [8, 7], [8, 8], [7, 8], [5, 8], [4, 8], [3, 8], [2, 8], [1, 8], [0, 8]]
  read.forEach(([x, y], i) => { bits |= bit(x, y) << i })
  const mask = [0, 1, 2, 3, 4, 5, 6, 7].find((k) => formatBits(k) === bits)
  if (mask === undefined) throw new Error('format information does not match level M')
  const fn = functionModules(ver)
  const stream: number[] = []
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5
    for (let vert = 0; vert < size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j
        const y = ((right + 1) & 2) === 0 ? size - 1 - vert : vert
        if (!fn[y][x]) stream.push((m[y][x] !== MASKS[mask](x, y)) ? 1 : 0)
      }
    }
  }
  const raw = Math.floor(stream.length / 8)
  const bytes = Array.from({ length: raw }, (_v, i) => stream.slice(i * 8, i * 8 + 8).reduce((a, b) => (a << 1) | b, 0))
  // De-interleave into blocks.
  const numBlocks = BLOCKS[ver]
  const eccLen = ECC[ver]
  const numShort = numBlocks - (raw % numBlocks)
  const shortLen = Math.floor(raw / numBlocks)
  const blocks: number[][] = Array.from({ length: numBlocks }, () => [])
  let k = 0
  for (let i = 0; i < shortLen + 1; i++) {
    for (let j = 0; j < numBlocks; j++) {
      if (i === shortLen - eccLen && j < numShort) continue
      if (k < raw) blocks[j].push(bytes[k++])
    }
  }
  const data: number[] = []
  blocks.forEach((b, j) => {
    const dataLen = shortLen - eccLen + (j < numShort ? 0 : 1)
    const d = b.slice(0, dataLen)
    const ecc = b.slice(dataLen)
    // The check bytes must be the RS remainder of the data (generator from the encoder's degree).
    expect(ecc.length).toBe(eccLen)
    expect(rsRemainder(d, generator(eccLen))).toEqual(ecc)
    data.push(...d)
  })
  expect(data.length).toBe(dataCodewords(ver))
  const dataBits = data.flatMap((b) => Array.from({ length: 8 }, (_v, i) => (b >>> (7 - i)) & 1))
  const take = (n: number) => dataBits.splice(0, n).reduce((a, b) => (a << 1) | b, 0)
  expect(take(4)).toBe(0b0100)
  const len = take(ver <= 9 ? 8 : 16)
  return Buffer.from(Array.from({ length: len }, () => take(8))).toString('utf8')
}

/** The RS generator polynomial of a degree, built independently (roots α^0..α^(d-1)). */
function generator(degree: number): number[] {
  const mul = (x: number, y: number) => {
    let z = 0
    for (let i = 7; i >= 0; i--) {
      z = (z << 1) ^ ((z >>> 7) * 0x11d)
      z ^= ((y >>> i) & 1) * x
    }
    return z & 0xff
  }
  // poly as coefficients high→low, leading 1 omitted at the end.
  let poly = [1]
  let root = 1
  for (let i = 0; i < degree; i++) {
    const next = new Array(poly.length + 1).fill(0)
    poly.forEach((c, j) => { next[j] ^= c; next[j + 1] ^= mul(c, root) })
    poly = next
    root = mul(root, 2)
  }
  return poly.slice(1)
}

describe('check-in QR encoder', () => {
  it('encodes a short text as a 21×21 version 1 symbol that decodes back', () => {
    const m = encodeQr('HELLO')
    expect(m.length).toBe(21)
    expect(decode(m)).toBe('HELLO')
  })

  it.each([
    ['a check-in token', 'JG1.act_3f2a9c1b0d4e5f60_mem_burst_123.t0x9k2.Ab3dEf9h.ZxYwVuTsRqPoNmLkJiHgFeDcBa9'],
    ['Chinese text', '教工之家 活动签到'],
    ['a long text (version 10)', 'x'.repeat(200)],
  ])('round-trips %s', (_what, text) => {
    expect(decode(encodeQr(text))).toBe(text)
  })

  it('draws the three finder patterns and the timing lines', () => {
    const m = encodeQr('JG1.test')
    const n = m.length
    for (const [x0, y0] of [[0, 0], [n - 7, 0], [0, n - 7]]) {
      expect(m[y0][x0]).toBe(true)
      expect(m[y0 + 1][x0 + 1]).toBe(false)
      expect(m[y0 + 3][x0 + 3]).toBe(true)
    }
    for (let i = 8; i < n - 8; i++) expect(m[6][i]).toBe(i % 2 === 0)
  })

  it('writes the format information of the standard’s table for level M', () => {
    const table = ['101010000010010', '101000100100101', '101111001111100', '101101101001011', '100010111111001', '100000011001110', '100111110010111', '100101010100000']
    expect(table.map((_b, mask) => formatBits(mask).toString(2).padStart(15, '0'))).toEqual(table)
  })

  it('refuses a text that does not fit version 10', () => {
    expect(() => encodeQr('x'.repeat(300))).toThrow(RangeError)
  })

  it('writes base64 the same way the platform would', () => {
    for (const s of ['a', 'ab', 'abc', '<svg viewBox="0 0 29 29"/>']) expect(base64Ascii(s)).toBe(Buffer.from(s).toString('base64'))
  })
})
