import { directoryOutput, queueBoardOutput, type DirectoryInput } from '../../../types/member'
import { call } from '@/services/call'

/** The member pages' opening calls, each answering everything its page shows first in one call. */
export const memberPageApi = {
  /** 入会审核: member.queue with the chair's first page of 资料变更申请 */
  queueBoard: (page: number, withChanges: boolean) => call('member', 'queue', { page, withChanges }, queueBoardOutput),
  /** 会员名册: a page of the directory, and with `withDepartments` the union's department list */
  directory: (input: DirectoryInput) => call('member', 'directory', input, directoryOutput),
}
