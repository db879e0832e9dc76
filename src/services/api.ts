import { memberMeOutput } from '../../types/member'
import { noticeListOutput, type NoticeCategory } from '../../types/notice'
import { call } from './call'

/**
 * Typed entry points, one per function action the app uses. Each names the schema its
 * answer is checked against; hooks never call `call` with a raw name.
 */
export const api = {
  me: () => call('member', 'me', {}, memberMeOutput),
  notices: (input: { category?: NoticeCategory; keyword?: string; page: number }) => call('notice', 'list', input, noticeListOutput),
}
