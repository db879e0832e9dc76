import { placesText } from '@/components/activity/activity-labels'

describe('places left', () => {
  it('counts the places still free', () => {
    expect(placesText({ capacity: 32, confirmedCount: 29, waitlistCount: 0 })).toBe('剩余 3 个名额（共 32 个）')
  })
  it('says when a capacity of 0 means no limit', () => {
    expect(placesText({ capacity: 0, confirmedCount: 12, waitlistCount: 0 })).toBe('不限名额 · 已报名 12 人')
  })
  it('says full (never a negative count) and how many wait', () => {
    expect(placesText({ capacity: 10, confirmedCount: 10, waitlistCount: 2 })).toBe('名额已满，2 人候补')
    expect(placesText({ capacity: 10, confirmedCount: 11, waitlistCount: 0 })).toBe('名额已满（共 10 个）')
  })
})
