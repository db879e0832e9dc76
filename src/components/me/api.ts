import { memberHomeOutput } from '../../../types/member'
import { call } from '@/services/call'

/** 我的's own call: everything the tab shows when it opens (member.home), checked against its schema. */
export const meApi = {
  home: () => call('member', 'home', {}, memberHomeOutput),
}
