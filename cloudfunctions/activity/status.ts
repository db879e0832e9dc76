import type { ActivityStatus } from '../../types/activity'
import type { ActivityDoc } from '../_shared/documents'

type Timing = Pick<ActivityDoc, 'state' | 'startAt' | 'endAt' | 'signupStartAt' | 'signupEndAt' | 'capacity' | 'confirmedCount'> & { seatsTaken?: number }

/**
 * What a member sees on the card. Time wins over counts: once sign-up has closed the activity is
 * closed/ongoing/ended whether or not it filled. Windows include their start and exclude their end.
 * Places are counted with guests when they take places (seatsTaken).
 */
export function activityStatus(a: Timing, now: Date): ActivityStatus {
  const t = now.getTime()
  if (a.state === 'draft') return 'draft'
  if (a.state === 'cancelled') return 'cancelled'
  if (a.state === 'finished') return 'ended'
  if (t >= a.endAt.getTime()) return 'ended'
  if (t >= a.startAt.getTime()) return 'ongoing'
  if (t < a.signupStartAt.getTime()) return 'upcoming'
  if (t >= a.signupEndAt.getTime()) return 'closed'
  if (a.capacity > 0 && (a.seatsTaken ?? a.confirmedCount) >= a.capacity) return 'full'
  return 'open'
}
