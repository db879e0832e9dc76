import { blankForm, formOf, toEditable, toInstant } from '../../src/packages/activity/pages/edit/form'
import { activityEditable } from '../../types/activity'

describe('the activity edit form', () => {
  it('reads dates and times as Shanghai wall-clock time', () => {
    expect(toInstant('2026-11-22', '09:30')).toBe('2026-11-22T01:30:00.000Z')
  })

  it('starts a new activity next week at 14:00, sign-up open now and closing at 18:00 the day before', () => {
    const now = Date.parse('2026-11-22T02:07:00.000Z') // 10:07 in Shanghai
    const e = toEditable({ ...blankForm(now), title: '健步走', place: '操场' })
    expect(e.startAt).toBe('2026-11-29T06:00:00.000Z') // 14:00 Shanghai, a week later
    expect(e.endAt).toBe('2026-11-29T08:00:00.000Z')
    expect(e.signupEndAt).toBe('2026-11-28T10:00:00.000Z') // 18:00 the day before
    expect(e.signupStartAt).toBe('2026-11-22T02:05:00.000Z')
    expect(activityEditable.safeParse(e).success).toBe(true)
  })

  it('keeps the defaults on Shanghai days late in the evening too (no 00:00, no closing tonight)', () => {
    const now = Date.parse('2026-11-22T15:58:00.000Z') // 23:58 in Shanghai
    const f = blankForm(now)
    expect([f.startDate, f.startTime, f.signupEndDate, f.signupEndTime]).toEqual(['2026-11-29', '14:00', '2026-11-28', '18:00'])
  })

  it('takes a plan item’s title and day when the day leaves time for sign-up, else keeps next week', () => {
    const now = Date.parse('2026-11-22T02:07:00.000Z')
    const planned = blankForm(now, { title: '教职工健康体检', date: '2026-12-10' })
    expect([planned.title, planned.startDate, planned.signupEndDate]).toEqual(['教职工健康体检', '2026-12-10', '2026-12-09'])
    expect(blankForm(now, { title: '明天的事', date: '2026-11-23' }).startDate).toBe('2026-11-29')
    expect(blankForm(now, { date: '2026-02-30x' }).startDate).toBe('2026-11-29')
  })

  it('turns the questions, options and rules into the function’s input', () => {
    const f = {
      ...blankForm(), title: '疗休养', place: '安吉', capacity: '20', audienceKind: 'departments' as const, departments: '语文组、数学组',
      fields: [{ key: 'f1', label: '尺码', type: 'single' as const, options: [], optionsText: 'M、L，XL', required: true }, { key: 'f2', label: '备注', type: 'text' as const, optionsText: '', required: false }],
      guestsAllowed: true, guestsMax: '2', guestsCount: true, frequencyOn: true, frequencyKey: '疗休养', frequencyYears: '3',
    }
    const e = toEditable(f)
    expect(e).toMatchObject({
      capacity: 20, audience: { kind: 'departments', departments: ['语文组', '数学组'] },
      fields: [{ key: 'f1', options: ['M', 'L', 'XL'] }, { key: 'f2', type: 'text' }],
      guests: { max: 2, countsTowardCapacity: true }, frequency: { key: '疗休养', years: 3 },
    })
    expect(e.fields[1]).not.toHaveProperty('options')
    expect(toEditable(formOf(e))).toEqual(e)
  })

  it('leaves a capacity that is not a whole number for the function to refuse', () => {
    expect(activityEditable.safeParse(toEditable({ ...blankForm(), title: '健步走', place: '操场', capacity: '两个' })).success).toBe(false)
  })
})
