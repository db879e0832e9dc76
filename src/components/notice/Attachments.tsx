import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { AttachmentOut } from '../../../types/notice'
import { files } from '@/services/files'
import { messageOf } from '@/services/call'
import { noticeApi } from './api'
import './attachments.scss'

const KIND: Record<string, string> = { pdf: 'PDF', doc: 'Word', docx: 'Word', xls: 'Excel', xlsx: 'Excel', jpg: '图片', png: '图片' }

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

interface Props {
  /** the notice and the version shown (an earlier version opens that version's files) */
  noticeId: string
  version?: number
  list: AttachmentOut[]
}

/**
 * Attachments of the shown version. A tap asks the function for a link (it checks the file still
 * hashes to what the version recorded) and opens the document (openDocument) or the image.
 */
export function Attachments({ noticeId, version, list }: Props) {
  if (list.length === 0) return null
  const open = async (index: number) => {
    try {
      const link = await noticeApi.file(noticeId, index, version)
      await files.openFile(link.url, link.name)
    } catch (err) {
      void Taro.showModal({ title: '附件没有打开', content: messageOf(err), showCancel: false })
    }
  }
  return (
    <View className='attachments'>
      <Text className='attachments__title'>{`附件（${list.length}）`}</Text>
      {list.map((a, i) => (
        <View key={i} className='attachments__item' onClick={() => void open(i)} data-attachment={a.name}>
          <Text className='attachments__kind'>{KIND[a.kind] ?? '文件'}</Text>
          <Text className='attachments__name'>{a.name}</Text>
          <Text className='attachments__size'>{fileSize(a.size)}</Text>
        </View>
      ))}
    </View>
  )
}
