/**
 * A compact QR Code encoder (ISO/IEC 18004): byte mode, error correction level M, versions
 * 1–10 (up to 213 bytes), the mask with the lowest penalty. Enough for a check-in token; no
 * dependency. Follows the structure of Project Nayuki's reference implementation (MIT).
 */

/** ECC codewords per block and number of blocks at level M, by version (index 0 unused). */
const ECC_PER_BLOCK = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26]
const BLOCKS = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5]
const MAX_VERSION = 10

export type QrMatrix = boolean[][]

function rawDataModules(ver: number): number {
  let result = (16 * ver + 128) * ver + 64
  if (ver >= 2) {
    const numAlign = Math.floor(ver / 7) + 2
    result -= (25 * numAlign - 10) * numAlign - 55
    if (ver >= 7) result -= 36
  }
  return result
}

export function dataCodewords(ver: number): number {
  return Math.floor(rawDataModules(ver) / 8) - ECC_PER_BLOCK[ver] * BLOCKS[ver]
}

function alignmentPositions(ver: number, size: number): number[] {
  if (ver === 1) return []
  const numAlign = Math.floor(ver / 7) + 2
  const step = Math.ceil((ver * 4 + 4) / (numAlign * 2 - 2)) * 2
  const result = [6]
  for (let pos = size - 7; result.length < numAlign; pos -= step) result.splice(1, 0, pos)
  return result
}

// ── Reed–Solomon over GF(2^8), polynomial 0x11D ─────────────────────────────
function gfMul(x: number, y: number): number {
  let z = 0
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d)
    z ^= ((y >>> i) & 1) * x
  }
  return z & 0xff
}

function rsDivisor(degree: number): number[] {
  const result = new Array<number>(degree).fill(0)
  result[degree - 1] = 1
  let root = 1
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < result.length; j++) {
      result[j] = gfMul(result[j], root)
      if (j + 1 < result.length) result[j] ^= result[j + 1]
    }
    root = gfMul(root, 0x02)
  }
  return result
}

export function rsRemainder(data: number[], divisor: number[]): number[] {
  const result = new Array<number>(divisor.length).fill(0)
  for (const b of data) {
    const factor = b ^ (result.shift() as number)
    result.push(0)
    divisor.forEach((coef, i) => { result[i] ^= gfMul(coef, factor) })
  }
  return result
}

// ── Data ────────────────────────────────────────────────────────────────────
/** UTF-8 by hand: the mini-program runtime has no TextEncoder. */
function utf8(text: string): number[] {
  const out: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0) as number
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return out
}

function encodeData(bytes: number[], ver: number): number[] {
  const bits: number[] = []
  const push = (value: number, len: number) => { for (let i = len - 1; i >= 0; i--) bits.push((value >>> i) & 1) }
  push(0b0100, 4)
  push(bytes.length, ver <= 9 ? 8 : 16)
  for (const b of bytes) push(b, 8)
  const capacityBits = dataCodewords(ver) * 8
  push(0, Math.min(4, capacityBits - bits.length))
  push(0, (8 - (bits.length % 8)) % 8)
  const out: number[] = []
  for (let i = 0; i < bits.length; i += 8) out.push(bits.slice(i, i + 8).reduce((acc, b) => (acc << 1) | b, 0))
  for (let pad = 0xec; out.length < dataCodewords(ver); pad ^= 0xec ^ 0x11) out.push(pad)
  return out
}

function withEcc(data: number[], ver: number): number[] {
  const numBlocks = BLOCKS[ver]
  const eccLen = ECC_PER_BLOCK[ver]
  const raw = Math.floor(rawDataModules(ver) / 8)
  const numShort = numBlocks - (raw % numBlocks)
  const shortLen = Math.floor(raw / numBlocks)
  const divisor = rsDivisor(eccLen)
  const blocks: number[][] = []
  for (let i = 0, k = 0; i < numBlocks; i++) {
    const dat = data.slice(k, k + shortLen - eccLen + (i < numShort ? 0 : 1))
    k += dat.length
    const ecc = rsRemainder(dat, divisor)
    if (i < numShort) dat.push(0)
    blocks.push(dat.concat(ecc))
  }
  const result: number[] = []
  for (let i = 0; i < blocks[0].length; i++) {
    blocks.forEach((block, j) => { if (i !== shortLen - eccLen || j >= numShort) result.push(block[i]) })
  }
  return result
}

// ── Matrix ──────────────────────────────────────────────────────────────────
class Grid {
  readonly modules: boolean[][]
  readonly isFunction: boolean[][]
  constructor(readonly size: number) {
    this.modules = Array.from({ length: size }, () => new Array<boolean>(size).fill(false))
    this.isFunction = Array.from({ length: size }, () => new Array<boolean>(size).fill(false))
  }
  fn(x: number, y: number, dark: boolean): void {
    this.modules[y][x] = dark
    this.isFunction[y][x] = true
  }
}

/** Which modules are function patterns (finders, timing, alignment, format, version) — for tests. */
export function functionModules(ver: number): boolean[][] {
  const g = new Grid(ver * 4 + 17)
  drawFunctionPatterns(g, ver)
  return g.isFunction
}

function drawFunctionPatterns(g: Grid, ver: number): void {
  const { size } = g
  for (let i = 0; i < size; i++) {
    g.fn(6, i, i % 2 === 0)
    g.fn(i, 6, i % 2 === 0)
  }
  for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]]) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx
        const y = cy + dy
        const dist = Math.max(Math.abs(dx), Math.abs(dy))
        if (x >= 0 && x < size && y >= 0 && y < size) g.fn(x, y, dist !== 2 && dist !== 4)
      }
    }
  }
  const pos = alignmentPositions(ver, size)
  const last = pos.length - 1
  pos.forEach((px, i) => pos.forEach((py, j) => {
    if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return
    for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) g.fn(px + dx, py + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1)
  }))
  drawFormat(g, 0)
  if (ver >= 7) {
    let rem = ver
    for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25)
    const bits = (ver << 12) | rem
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) !== 0
      const a = size - 11 + (i % 3)
      const b = Math.floor(i / 3)
      g.fn(a, b, dark)
      g.fn(b, a, dark)
    }
  }
}

/** Format information for level M (bits 00) and `mask`, both copies, plus the dark module. */
export function formatBits(mask: number): number {
  const data = (0 << 3) | mask
  let rem = data
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537)
  return ((data << 10) | rem) ^ 0x5412
}

function drawFormat(g: Grid, mask: number): void {
  const bits = formatBits(mask)
  const bit = (i: number) => ((bits >>> i) & 1) !== 0
  const { size } = g
  for (let i = 0; i <= 5; i++) g.fn(8, i, bit(i))
  g.fn(8, 7, bit(6))
  g.fn(8, 8, bit(7))
  g.fn(7, 8, bit(8))
  for (let i = 9; i < 15; i++) g.fn(14 - i, 8, bit(i))
  for (let i = 0; i < 8; i++) g.fn(size - 1 - i, 8, bit(i))
  for (let i = 8; i < 15; i++) g.fn(8, size - 15 + i, bit(i))
  g.fn(8, size - 8, true)
}

function drawCodewords(g: Grid, data: number[]): void {
  const { size } = g
  let i = 0
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5
    for (let vert = 0; vert < size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j
        const upward = ((right + 1) & 2) === 0
        const y = upward ? size - 1 - vert : vert
        if (!g.isFunction[y][x] && i < data.length * 8) {
          g.modules[y][x] = ((data[i >>> 3] >>> (7 - (i & 7))) & 1) !== 0
          i++
        }
      }
    }
  }
}

export const MASKS: Array<(x: number, y: number) => boolean> = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
]

function applyMask(g: Grid, mask: number): void {
  for (let y = 0; y < g.size; y++) for (let x = 0; x < g.size; x++) if (!g.isFunction[y][x] && MASKS[mask](x, y)) g.modules[y][x] = !g.modules[y][x]
}

/** Runs of five or more, 2×2 blocks and dark/light balance (rules 1, 2 and 4 of the standard). */
function penalty(m: boolean[][]): number {
  const size = m.length
  let score = 0
  for (let a = 0; a < size; a++) {
    let runRow = 1
    let runCol = 1
    for (let b = 1; b < size; b++) {
      if (m[a][b] === m[a][b - 1]) runRow++
      else { if (runRow >= 5) score += runRow - 2; runRow = 1 }
      if (m[b][a] === m[b - 1][a]) runCol++
      else { if (runCol >= 5) score += runCol - 2; runCol = 1 }
    }
    if (runRow >= 5) score += runRow - 2
    if (runCol >= 5) score += runCol - 2
  }
  for (let y = 0; y < size - 1; y++) for (let x = 0; x < size - 1; x++) {
    const c = m[y][x]
    if (c === m[y][x + 1] && c === m[y + 1][x] && c === m[y + 1][x + 1]) score += 3
  }
  const dark = m.reduce((n, row) => n + row.filter(Boolean).length, 0)
  const k = Math.ceil(Math.abs(dark * 20 - size * size * 10) / (size * size)) - 1
  return score + Math.max(0, k) * 10
}

/** The QR matrix for `text` (true = dark), without the quiet zone. Throws when it does not fit. */
export function encodeQr(text: string): QrMatrix {
  const bytes = utf8(text)
  let ver = 1
  while (ver <= MAX_VERSION && 4 + (ver <= 9 ? 8 : 16) + bytes.length * 8 > dataCodewords(ver) * 8) ver++
  if (ver > MAX_VERSION) throw new RangeError('text too long for a version 10 QR code')
  const codewords = withEcc(encodeData(bytes, ver), ver)
  let best: QrMatrix | null = null
  let bestScore = Infinity
  for (let mask = 0; mask < 8; mask++) {
    const g = new Grid(ver * 4 + 17)
    drawFunctionPatterns(g, ver)
    drawCodewords(g, codewords)
    applyMask(g, mask)
    drawFormat(g, mask)
    const score = penalty(g.modules)
    if (score < bestScore) {
      bestScore = score
      best = g.modules
    }
  }
  return best!
}

/** An SVG of the matrix with a 4-module quiet zone, as a data URI an <Image> can show. */
export function qrSvg(m: QrMatrix): string {
  const size = m.length + 8
  let path = ''
  m.forEach((row, y) => row.forEach((dark, x) => { if (dark) path += `M${x + 4} ${y + 4}h1v1h-1z` }))
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 of an ASCII string (the runtime has no btoa). */
export function base64Ascii(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i += 3) {
    const [a, b, c] = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)]
    const n = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < text.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < text.length ? B64[n & 63] : '=')
  }
  return out
}

export function qrDataUri(text: string): string {
  return `data:image/svg+xml;base64,${base64Ascii(qrSvg(encodeQr(text)))}`
}
