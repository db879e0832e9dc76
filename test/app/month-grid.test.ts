import { monthCells } from '../../src/packages/plan/components/month-cells'

describe('the calendar’s month grid', () => {
  it('starts weeks on Monday and pads to whole weeks', () => {
    const march = monthCells('2027-03') // 1 March 2027 is a Monday
    expect(march.slice(0, 2)).toEqual(['2027-03-01', '2027-03-02'])
    expect(march).toHaveLength(35)
    const feb = monthCells('2026-02') // 1 Feb 2026 is a Sunday: six blanks first
    expect(feb.slice(0, 7)).toEqual([null, null, null, null, null, null, '2026-02-01'])
    expect(feb.filter(Boolean)).toHaveLength(28)
    expect(monthCells('2028-02').filter(Boolean)).toHaveLength(29)
  })
})
