import * as z from 'zod/mini'

/**
 * Money is integer 分 everywhere. Amounts typed by people arrive as 元 strings and are parsed
 * exactly (digits only, at most two decimals) — never through a float.
 */
export const MAX_FEN = 1_000_000_000 // 1,000 万元: far above any union payment, well inside safe integers

const YUAN = /^(0|[1-9]\d{0,7})(?:\.(\d{1,2}))?$/

export type YuanParse = { ok: true; fen: number } | { ok: false; message: string }

/** '12.34' → 1234; '12' → 1200; '0.5' → 50. Refuses negatives, '1.005', '1e3', '', '.5', '1,000'. */
export function parseYuan(text: string): YuanParse {
  const s = text.trim()
  if (s === '') return { ok: false, message: '请填写金额' }
  if (s.startsWith('-')) return { ok: false, message: '金额不能为负数' }
  const m = YUAN.exec(s)
  if (!m) {
    if (/^\d+\.\d{3,}$/.test(s)) return { ok: false, message: '金额最多保留两位小数（精确到分）' }
    return { ok: false, message: '金额格式不对，请填写数字，如 500 或 12.50' }
  }
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  if (fen > MAX_FEN) return { ok: false, message: '金额过大，请核对' }
  return { ok: true, fen }
}

/** 1234 → '12.34'; 1200 → '12.00'. Integer arithmetic only. */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of 分: ${fen}`)
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** A 元 string in a form, parsed to 分 (integer). */
export const yuanInput = z.pipe(
  z.string(),
  z.transform((text: string, ctx) => {
    const r = parseYuan(text)
    if (r.ok) return r.fen
    ctx.issues.push({ code: 'custom', message: r.message, input: text })
    return z.NEVER
  }),
)

/** An amount already in 分 (non-negative integer). */
export const fenAmount = z.int().check(z.minimum(0), z.maximum(MAX_FEN))
