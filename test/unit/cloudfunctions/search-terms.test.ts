import { matchesQuery, queryTerms, searchTerms } from '../../../cloudfunctions/_shared/search-terms'

describe('search terms', () => {
  it('finds a title by any 2+ character part a person would type', () => {
    const terms = new Set(searchTerms(['2026年教职工体检安排（第二批）']))
    for (const q of ['体检', '教职工体检', '第二批', '2026', '2026年']) {
      expect(queryTerms(q)!.every((t) => terms.has(t))).toBe(true)
    }
    expect(queryTerms('疗休养')!.every((t) => terms.has(t))).toBe(false)
  })

  it('matches Latin words case-insensitively and full-width forms as half-width', () => {
    const terms = new Set(searchTerms(['Excel 台账导出 ＰＤＦ']))
    for (const q of ['excel', 'pdf', 'EXCEL']) expect(queryTerms(q)!.every((t) => terms.has(t))).toBe(true)
  })

  it('refuses a one-character query (no index can answer it cheaply)', () => {
    expect(queryTerms('体')).toBeNull()
    expect(queryTerms('  ')).toBeNull()
  })

  it('keeps only real substrings in the final filter', () => {
    expect(matchesQuery(['工会会工'], '工会工')).toBe(false)
    expect(matchesQuery(['三八节活动', '工会之家'], '三八 工会')).toBe(true)
  })
})
