import { queueBoardOutput } from '../../../types/member'
import { call } from '@/services/call'

/** member.queue with the chair's first page of 资料变更申请 (入会审核 opens with both in one call). */
export const queueApi = {
  board: (page: number, withChanges: boolean) => call('member', 'queue', { page, withChanges }, queueBoardOutput),
}
