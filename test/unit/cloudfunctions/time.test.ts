import {
  addDays, addShanghaiDays, formatShanghai, fromShanghai, publicityState, shanghaiDate, shanghaiYear, yearDateRange,
} from '../../../cloudfunctions/_shared/time'

describe('time helpers (stored UTC, read in Asia/Shanghai)', () => {
  it('puts 16:30 UTC on the next Shanghai day', () => {
    expect(shanghaiDate(new Date('2026-11-21T16:30:00Z'))).toBe('2026-11-22')
    expect(shanghaiDate(new Date('2026-11-21T15:59:59Z'))).toBe('2026-11-21')
  })

  it('puts New Year’s Eve 17:00 UTC in the next Shanghai year', () => {
    expect(shanghaiYear(new Date('2026-12-31T17:00:00Z'))).toBe(2027)
  })

  it('reads a Shanghai wall-clock time as the instant eight hours earlier in UTC', () => {
    expect(fromShanghai('2026-11-22 09:00').toISOString()).toBe('2026-11-22T01:00:00.000Z')
    expect(fromShanghai('2026-11-22').toISOString()).toBe('2026-11-21T16:00:00.000Z')
  })

  it('refuses an impossible date instead of rolling it over', () => {
    expect(() => fromShanghai('2026-02-30 09:00')).toThrow(RangeError)
    expect(() => fromShanghai('2026/02/03')).toThrow(RangeError)
  })

  it('formats an instant in Shanghai time', () => {
    expect(formatShanghai(new Date('2026-11-22T01:05:00Z'))).toBe('2026-11-22 09:05')
  })

  it('adds calendar days across month ends', () => {
    expect(addDays('2026-11-28', 7)).toBe('2026-12-05')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('moves an instant by whole Shanghai days keeping the wall-clock time', () => {
    expect(addShanghaiDays(new Date('2026-11-22T01:00:00Z'), 3).toISOString()).toBe('2026-11-25T01:00:00.000Z')
  })

  it('gives a half-open date range for a year', () => {
    expect(yearDateRange(2026)).toEqual({ from: '2026-01-01', to: '2027-01-01' })
  })
})

describe('publicityState (公示期)', () => {
  const start = new Date('2026-11-18T00:00:00Z')
  const end = new Date('2026-11-25T00:00:00Z')
  it.each([
    ['2026-11-17T23:59:59Z', 'upcoming'],
    ['2026-11-18T00:00:00Z', 'active'],
    ['2026-11-24T23:59:59Z', 'active'],
    ['2026-11-25T00:00:00Z', 'ended'],
  ])('at %s is %s', (now, state) => {
    expect(publicityState(start, end, new Date(now))).toBe(state)
  })

  it('is none when the notice has no 公示期', () => {
    expect(publicityState(undefined, undefined, new Date())).toBe('none')
  })
})
