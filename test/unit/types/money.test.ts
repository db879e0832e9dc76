import { formatFen, parseYuan, yuanInput } from '../../../types/money'

describe('parseYuan (元 text → integer 分)', () => {
  it.each([
    ['12.34', 1234],
    ['12', 1200],
    ['12.3', 1230],
    ['0.5', 50],
    ['0.01', 1],
    ['0', 0],
    [' 500 ', 50000],
    ['9999999.99', 999999999],
  ])('parses %p exactly as %p 分', (text, fen) => {
    expect(parseYuan(text)).toEqual({ ok: true, fen })
  })

  it('parses amounts whose float value would round wrongly (0.29 元 is 29 分, not 28)', () => {
    expect(parseYuan('0.29')).toEqual({ ok: true, fen: 29 })
    expect(parseYuan('1.13')).toEqual({ ok: true, fen: 113 })
  })

  it('refuses a third decimal place such as 1.005', () => {
    expect(parseYuan('1.005')).toEqual({ ok: false, message: '金额最多保留两位小数（精确到分）' })
  })

  it.each(['-1', '-0.01', '-12.34'])('refuses the negative amount %p', (text) => {
    expect(parseYuan(text)).toEqual({ ok: false, message: '金额不能为负数' })
  })

  it.each(['', 'abc', '1e3', '.5', '1.', '1,000', '+5', '012', '0x10', '１２'])('refuses the malformed amount %p', (text) => {
    expect(parseYuan(text).ok).toBe(false)
  })

  it('refuses an amount above the ceiling', () => {
    expect(parseYuan('10000000.01').ok).toBe(false)
  })
})

describe('formatFen', () => {
  it.each([
    [1234, '12.34'],
    [1200, '12.00'],
    [5, '0.05'],
    [0, '0.00'],
  ])('formats %p 分 as %p 元', (fen, text) => {
    expect(formatFen(fen)).toBe(text)
  })

  it('refuses a fractional amount of 分', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError)
  })
})

describe('yuanInput schema', () => {
  it('turns a 元 string into 分', () => {
    expect(yuanInput.parse('88.80')).toBe(8880)
  })

  it('reports the Chinese reason when the amount is refused', () => {
    const r = yuanInput.safeParse('-3')
    expect(r.success).toBe(false)
    expect(r.error?.issues[0].message).toBe('金额不能为负数')
  })
})
