import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { AppraisalRow } from '../../../../../types/poll'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { AppButton } from '@/components/AppButton'
import { useAsync } from '@/hooks/useAsync'
import { messageOf } from '@/services/call'
import { files } from '@/services/files'
import { pollApi } from '../../api'
import { ResultTables, Turnout } from '../../components/ResultTables'
import { tell } from '@/services/confirm'
import '../../poll.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/** 投票结果 (after the close): the official figures, comments where allowed, and the way to check one's ballot. */
export default function PollResultsPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const results = useAsync(`poll-results:${id}`, () => pollApi.results(id))
  const [comments, setComments] = useState<{ row: AppraisalRow; texts: string[] } | null>(null)
  const r = results.data

  const showComments = async (row: AppraisalRow) => {
    try {
      const page = await pollApi.comments(id, row.itemId, 1)
      setComments({ row, texts: page.items.map((c) => c.text) })
    } catch (err) {
      tell('评语没有加载出来', messageOf(err))
    }
  }
  const download = async (format: 'docx' | 'xlsx') => {
    void Taro.showLoading({ title: '正在生成文件…' })
    try {
      const file = await pollApi.report(id, format)
      Taro.hideLoading()
      await files.openFile(file.url, file.fileName)
    } catch (err) {
      Taro.hideLoading()
      tell('文件没有生成', messageOf(err))
    }
  }

  return (
    <PageShell>
      {results.loading ? <LoadingState text='正在读取结果…' /> : null}
      {results.error ? <ErrorState message={results.error.message} onRetry={results.error.retryable ? results.reload : undefined} /> : null}
      {r ? (
        <View>
          <View className='poll-card'><Text className='poll-title'>{r.title}</Text></View>
          <Turnout r={r} />
          <ResultTables r={r} onComments={(row) => void showComments(row)} />
          {comments ? (
            <View className='poll-card' data-testid='comments'>
              <Text className='poll-item__name'>{`对 ${comments.row.name} 的评语`}</Text>
              {comments.texts.map((t, i) => <Text key={i} className='poll-para'>{`· ${t}`}</Text>)}
            </View>
          ) : null}
          <View className='poll-links'>
            {r.outcome === 'valid' ? <Text className='poll-link' onClick={() => go(`/packages/poll/pages/verify/index?id=${id}`)}>选票核对（凭核对码找到自己的选票）</Text> : null}
            {r.canManage ? <Text className='poll-link' data-testid='word' onClick={() => void download('docx')}>下载 Word 统计表</Text> : null}
            {r.canManage ? <Text className='poll-link' onClick={() => void download('xlsx')}>下载 Excel</Text> : null}
            {r.noticeId ? <Text className='poll-link' onClick={() => go(`/packages/notice/pages/detail/index?id=${r.noticeId}`)}>结果公示</Text> : null}
          </View>
          {r.canManage ? (
            <View className='poll-actions'>
              <AppButton block variant='secondary' onClick={() => go(`/packages/poll/pages/console/index?id=${id}`)}>投票管理（公布结果、下一轮）</AppButton>
            </View>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  )
}
