import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { myCongressOutput, savedOutput } from '../../../types/congress'
import type { OpinionCase } from '../../../types/opinion'
import { AppButton } from '@/components/AppButton'
import { useAsync } from '@/hooks/useAsync'
import { useRequestId } from '@/hooks/useRequestId'
import { call, messageOf } from '@/services/call'
import { confirmStep, tell } from '@/services/confirm'

const mine = () => call('congress', 'mine', {}, myCongressOutput)

/**
 * 转为教代会提案 (the opinion's handler page, for the latest session's 提案工作委员会): a draft carrying the
 * item's text — never its submitter — that the committee member then completes, invites 附议 for and
 * submits. Once made, the item shows the link (CaseDetail) instead of this button. Lives in the main
 * package: the opinion subpackage cannot load the 教代会 one.
 */
export function ToProposal({ c }: { c: OpinionCase }) {
  const me = useAsync('congress:mine', mine)
  const [requestId] = useRequestId()
  const [busy, setBusy] = useState(false)
  const s = me.data
  if (c.proposal || !s?.sessionId || !s.committee || c.state === 'rejected' || c.held) return null
  const make = async () => {
    if (!(await confirmStep('转为提案草稿', `用这条意见的内容在“${s.title}”起草一件提案（不含提交人）。草稿由你补充办法、邀请附议后提交。确认？`, '起草'))) return
    setBusy(true)
    try {
      const r = await call('congress', 'fromOpinion', { sessionId: s.sessionId, opinionId: c.id, requestId }, savedOutput)
      void Taro.navigateTo({ url: `/packages/congress/pages/proposal/index?id=${r.id}` })
    } catch (err) {
      tell('没有转为提案', messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  return <View className='op-section' data-testid='to-proposal'><AppButton block variant='secondary' disabled={busy} onClick={() => void make()}>转为教代会提案草稿</AppButton></View>
}
