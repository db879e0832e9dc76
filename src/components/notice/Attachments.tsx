import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { AttachmentOut } from '../../../types/notice'
import { files } from '@/services/files'
import './attachments.scss'

const KIND: Record<string, string> = { pdf: 'PDF', doc: 'Word', docx: 'Word', xls: 'Excel', xlsx: 'Excel', jpg: '图片', png: '图片' }

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** Attachments of the shown version; a tap opens the document (openDocument) or the image (previewImage). */
export function Attachments({ list }: { list: AttachmentOut[] }) {
  if (list.length === 0) return null
  const open = async (a: AttachmentOut) => {
    if (!a.url) {
      void Taro.showToast({ title: '附件暂时无法打开，请稍后再试', icon: 'none' })
      return
    }
    try {
      await files.openFile(a.url, a.name)
    } catch {
      void Taro.showToast({ title: '打开失败，请稍后再试', icon: 'none' })
    }
  }
  return (
    <View className='attachments'>
      <Text className='attachments__title'>{`附件（${list.length}）`}</Text>
      {list.map((a, i) => (
        <View key={i} className='attachments__item' onClick={() => void open(a)} data-attachment={a.name}>
          <Text className='attachments__kind'>{KIND[a.kind] ?? '文件'}</Text>
          <Text className='attachments__name'>{a.name}</Text>
          <Text className='attachments__size'>{fileSize(a.size)}</Text>
        </View>
      ))}
    </View>
  )
}
