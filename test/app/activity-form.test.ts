import { blankForm, formOf, toEditable, toInstant } from '../../src/packages/activity/pages/edit/form'
import { activityEditable } from '../../types/activity'

describe('the activity edit form', () => {
  it('reads dates and times as Shanghai wall-clock time', () => {
    expect(toInstant('2026-11-22', '09:30')).toBe('2026-11-22T01:30:00.000Z')
  })

  it('starts a new activity with sign-up open now, closing before a start about a day away', () => {
    const now = Date.parse('2026-11-22T02:07:00.000Z')
    const e = toEditable({ ...blankForm(now), title: '健步走', place: '操场' })
    expect(Date.parse(e.signupStartAt)).toBeLessThanOrEqual(now)
    expect(Date.parse(e.signupEndAt)).toBeLessThan(Date.parse(e.startAt))
    expect(Date.parse(e.startAt) - now).toBeLessThan(24 * 3600_000)
    expect(activityEditable.safeParse(e).success).toBe(true)
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
