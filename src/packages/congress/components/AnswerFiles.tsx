import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { AnswerFileView } from '../../../../types/congress'
import { fileSize } from '@/components/notice/Attachments'
import { files } from '@/services/files'
import { messageOf } from '@/services/call'

const KIND: Record<string, string> = { pdf: 'PDF', doc: 'Word', docx: 'Word', jpg: '图片', png: '图片' }

/** An answer's files: a tap opens the document (openDocument) or the photo from the link the detail carried. */
export function AnswerFiles({ list }: { list: AnswerFileView[] }) {
  if (list.length === 0) return null
  const open = async (f: AnswerFileView) => {
    try {
      if (!f.url) throw new Error('这个附件暂时无法打开，请稍后再试')
      await files.openFile(f.url, f.name)
    } catch (err) {
      void Taro.showModal({ title: '附件没有打开', content: messageOf(err), showCancel: false })
    }
  }
  return (
    <View className='attachments' data-testid='answer-files'>
      {list.map((f, i) => (
        <View key={i} className='attachments__item' onClick={() => void open(f)} data-answer-file={f.name}>
          <Text className='attachments__kind'>{KIND[f.kind] ?? '文件'}</Text>
          <Text className='attachments__name'>{f.name}</Text>
          <Text className='attachments__size'>{fileSize(f.size)}</Text>
        </View>
      ))}
    </View>
  )
}
