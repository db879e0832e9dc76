/** 经费公开 titles and closing lines read as a chair would write them (#14.11). */
import { closingLine, disclosureTitle, periodWords, publicityOf } from '../../../cloudfunctions/welfare/disclosure-words'

describe('the period in words', () => {
  it.each([
    ['2026-01-01', '2026-11-30', '2026年1月—11月'],
    ['2026-03-01', '2026-03-31', '2026年3月'],
    ['2025-12-01', '2026-02-28', '2025年12月—2026年2月'],
    ['2024-02-01', '2024-02-29', '2024年2月'],
    ['2026-01-01', '2026-12-02', '2026年1月1日—12月2日'],
    ['2025-09-15', '2026-01-31', '2025年9月15日—2026年1月31日'],
    ['2026-05-04', '2026-05-04', '2026年5月4日'],
  ])('%s … %s → %s', (from, to, words) => {
    expect(periodWords(from, to)).toBe(words)
  })
})

describe('the title', () => {
  it('says 工会经费 only when every visit was paid from it', () => {
    expect(disclosureTitle('2026-01-01', '2026-11-30', true)).toBe('2026年1月—11月工会经费慰问支出公示')
    expect(disclosureTitle('2026-01-01', '2026-11-30', false)).toBe('2026年1月—11月慰问支出公示')
  })
})

describe('the 公示期', () => {
  it('is mentioned only when the chair set one', () => {
    expect(closingLine(undefined)).toBe('如有疑问，请向校工会反映。')
    expect(closingLine(undefined)).not.toContain('公示期')
    expect(closingLine({ startDate: '2026-12-01', endDate: '2026-12-07' })).toBe('公示期：2026年12月1日至12月7日。如有疑问或异议，请在公示期内向校工会反映。')
    expect(closingLine({ startDate: '2026-12-28', endDate: '2027-01-03' })).toContain('2026年12月28日至2027年1月3日')
  })

  it('becomes the notice’s period, Shanghai days, at most 60 days, end not before start', () => {
    expect(publicityOf({ startDate: '2026-12-01', endDate: '2026-12-07' })).toEqual({
      publicityStart: new Date('2026-11-30T16:00:00.000Z'), publicityEnd: new Date('2026-12-07T16:00:00.000Z'),
    })
    expect(publicityOf(undefined)).toEqual({})
    expect(() => publicityOf({ startDate: '2026-12-07', endDate: '2026-12-01' })).toThrow('公示结束日期不能早于开始日期')
    expect(() => publicityOf({ startDate: '2026-01-01', endDate: '2026-03-31' })).toThrow('公示期最长 60 天')
  })
})
