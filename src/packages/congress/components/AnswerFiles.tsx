import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { AnswerFileView } from '../../../../types/congress'
import { fileSize } from '@/components/notice/Attachments'
import { files } from '@/services/files'
import { messageOf } from '@/services/call'
import { congressApi } from '../api'

const KIND: Record<string, string> = { pdf: 'PDF', doc: 'Word', docx: 'Word', jpg: '图片', png: '图片' }

/**
 * An answer's files: a tap asks for a link (the function hashes the stored bytes again first, and
 * refuses a damaged file) and opens the document (openDocument) or the photo.
 */
export function AnswerFiles({ proposalId, round, list }: { proposalId: string; round: number; list: AnswerFileView[] }) {
  if (list.length === 0) return null
  const open = async (index: number) => {
    try {
      const link = await congressApi.answerFile(proposalId, round, index)
      await files.openFile(link.url, link.name)
    } catch (err) {
      void Taro.showModal({ title: '附件没有打开', content: messageOf(err), showCancel: false })
    }
  }
  return (
    <View className='attachments' data-testid='answer-files'>
      {list.map((f, i) => (
        <View key={i} className='attachments__item' onClick={() => void open(i)} data-answer-file={f.name}>
          <Text className='attachments__kind'>{KIND[f.kind] ?? '文件'}</Text>
          <Text className='attachments__name'>{f.name}</Text>
          <Text className='attachments__size'>{fileSize(f.size)}</Text>
        </View>
      ))}
    </View>
  )
}
