import { activityStatus } from '../../../cloudfunctions/activity/status'

const base = {
  state: 'published' as const,
  signupStartAt: new Date('2026-11-20T00:00:00Z'),
  signupEndAt: new Date('2026-11-25T00:00:00Z'),
  startAt: new Date('2026-11-28T01:00:00Z'),
  endAt: new Date('2026-11-28T09:00:00Z'),
  capacity: 30,
  confirmedCount: 10,
}
const at = (iso: string) => new Date(iso)

describe('activityStatus', () => {
  it('is upcoming before sign-up opens', () => expect(activityStatus(base, at('2026-11-19T23:59:59Z'))).toBe('upcoming'))
  it('is open while sign-up runs and places remain', () => expect(activityStatus(base, at('2026-11-20T00:00:00Z'))).toBe('open'))
  it('is full when confirmed registrations reach the capacity', () => expect(activityStatus({ ...base, confirmedCount: 30 }, at('2026-11-22T00:00:00Z'))).toBe('full'))
  it('never is full when the capacity is unlimited (0)', () => expect(activityStatus({ ...base, capacity: 0, confirmedCount: 500 }, at('2026-11-22T00:00:00Z'))).toBe('open'))
  it('is closed once sign-up ends, before the start', () => expect(activityStatus(base, at('2026-11-25T00:00:00Z'))).toBe('closed'))
  it('is ongoing between start and end', () => expect(activityStatus(base, at('2026-11-28T01:00:00Z'))).toBe('ongoing'))
  it('is ended from the end on', () => expect(activityStatus(base, at('2026-11-28T09:00:00Z'))).toBe('ended'))
  it('is cancelled whatever the time', () => expect(activityStatus({ ...base, state: 'cancelled' }, at('2026-11-22T00:00:00Z'))).toBe('cancelled'))
})
