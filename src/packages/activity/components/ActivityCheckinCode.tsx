import { activityApi } from '@/components/activity/api'
import { CheckinCode } from '@/components/checkin/CheckinCode'

/** The member's code for a confirmed registration (the shared check-in code, of the activity kind). */
export function ActivityCheckinCode({ activityId }: { activityId: string }) {
  return <CheckinCode codeKey={`activity:${activityId}`} fetchCode={() => activityApi.checkinToken(activityId)} />
}
