import { myStatusTag, placesText, registrationText, shareTitle } from '@/components/activity/activity-labels'

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

describe('places with guests', () => {
  it('counts places taken by guests when they count toward the capacity', () => {
    expect(placesText({ capacity: 10, confirmedCount: 6, seatsTaken: 9, waitlistCount: 0 })).toBe('剩余 1 个名额（共 10 个）')
  })
})

describe('the member’s own registration line', () => {
  it('shows the waitlist position as 候补第 n 位, the same words as the list card', () => {
    expect(registrationText({ state: 'waitlisted', waitPosition: 4 })).toBe('候补第 4 位')
    expect(myStatusTag({ state: 'waitlisted', waitPosition: 4, checkedIn: false }).label).toBe('候补第 4 位')
  })
  it('says 已报名 / 已签到 / 待审核 on a list card', () => {
    expect(myStatusTag({ state: 'confirmed', checkedIn: false }).label).toBe('已报名')
    expect(myStatusTag({ state: 'confirmed', checkedIn: true }).label).toBe('已签到')
    expect(myStatusTag({ state: 'pending', checkedIn: false }).label).toBe('待审核')
  })
  it('says confirmed, and checked in once scanned', () => {
    expect(registrationText({ state: 'confirmed' })).toBe('已报名')
    expect(registrationText({ state: 'confirmed', checkedInAt: '2026-11-22T01:00:00.000Z' })).toBe('已报名 · 已签到')
  })
  it('gives the organiser’s reason for a rejection', () => {
    expect(registrationText({ state: 'rejected', rejectReason: '名额不足' })).toBe('未通过审核：名额不足')
  })
})

describe('the share card', () => {
  it('puts the places left in the title for the staff group', () => {
    expect(shareTitle({ title: '羽毛球赛', capacity: 32, confirmedCount: 20, waitlistCount: 0 })).toBe('羽毛球赛｜剩余 12 个名额（共 32 个）')
  })
})
