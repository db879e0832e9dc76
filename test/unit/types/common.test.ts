import * as z from 'zod/mini'
import { calendarDate, dateBetween, docId, isRealDate, requestId } from '../../../types/common'

describe('calendar dates', () => {
  it('accepts only days that exist', () => {
    expect(['2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31'].every(isRealDate)).toBe(true)
    expect(['2026-02-29', '1900-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-1'].some(isRealDate)).toBe(false)
    expect(calendarDate.safeParse('2026-02-30').success).toBe(false)
    expect(calendarDate.safeParse('0001-01-01').success).toBe(false)
  })

  it('bounds a date to the range its form allows, reading a moving bound at parse time', () => {
    let to = '2027-12-01'
    const visitDay = dateBetween('2000-01-01', () => to, '慰问日期应在 2000 年到明年之间')
    expect(visitDay.safeParse('2027-06-01').success).toBe(true)
    expect(visitDay.safeParse('1999-12-31').success).toBe(false)
    to = '2027-01-01'
    expect(visitDay.safeParse('2027-06-01').success).toBe(false)
  })
})

describe('ids the app sends back', () => {
  it('takes every id format the functions create, including a 65-character plan entry id', () => {
    const planEntry = `${'a'.repeat(32)}_${'b'.repeat(32)}`
    for (const id of ['m_chair', planEntry, `${'c'.repeat(32)}_v12`]) expect(docId.safeParse(id).success).toBe(true)
    for (const id of ['', 'x'.repeat(129), 'a/b', 'a\u0000', '../x']) expect(docId.safeParse(id).success).toBe(false)
  })

  it('takes request ids of 8–64 safe characters', () => {
    expect(requestId.safeParse('lq3v7k2m9x8abc').success).toBe(true)
    expect(requestId.safeParse('short').success).toBe(false)
    expect(z.object({ requestId }).safeParse({ requestId: 'a b c d e f g h' }).success).toBe(false)
  })
})
