import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_MAX } from '../../../../types/notice'
import type { AttachmentValue } from '@/components/notice/api'
import { fileSize } from '@/components/notice/Attachments'
import { files } from '@/services/files'
import { noticeCloudPath } from './blocks'
import './editor.scss'

const DOCUMENTS = ['pdf', 'doc', 'docx', 'xls', 'xlsx']
const IMAGES = /\.(jpe?g|png)$/i

/** 附件: PDF / Word / Excel (from a chat or the disk) or photos, uploaded under notices/. */
export function AttachmentEditor({ list, onChange }: { list: AttachmentValue[]; onChange: (list: AttachmentValue[]) => void }) {
  const add = async (kind: 'document' | 'image') => {
    const room = ATTACHMENTS_MAX - list.length
    if (room <= 0) {
      void Taro.showToast({ title: `附件最多 ${ATTACHMENTS_MAX} 个`, icon: 'none' })
      return
    }
    try {
      const picked = kind === 'document' ? await files.pickDocuments(room, DOCUMENTS) : await files.pickImages(room)
      const ok = picked.filter((p) => p.size <= ATTACHMENT_MAX_BYTES && (kind === 'image' || DOCUMENTS.some((e) => p.name.toLowerCase().endsWith(`.${e}`)) || IMAGES.test(p.name)))
      if (ok.length < picked.length) void Taro.showToast({ title: '有文件超过 20 MB 或类型不支持，已跳过', icon: 'none' })
      if (ok.length === 0) return
      Taro.showLoading({ title: '正在上传…' })
      const uploaded: AttachmentValue[] = []
      for (const p of ok) uploaded.push({ fileId: await files.uploadFile(p.path, noticeCloudPath(p.name)), name: p.name, size: p.size })
      onChange([...list, ...uploaded])
    } catch {
      void Taro.showToast({ title: '附件没有上传成功，请重试', icon: 'none' })
    } finally {
      Taro.hideLoading()
    }
  }
  return (
    <View>
      {list.map((a, i) => (
        <View key={a.fileId} className='attachment-row' data-attachment={a.name}>
          <Text className='attachment-row__name'>{a.name}</Text>
          <Text className='attachment-row__size'>{fileSize(a.size)}</Text>
          <Text className='block__tool block__tool--danger' onClick={() => onChange(list.filter((_, k) => k !== i))}>移除</Text>
        </View>
      ))}
      <View className='blocks__add'>
        <Text className='blocks__add-item' onClick={() => void add('document')} data-add='document'>添加文件（PDF/Word/Excel）</Text>
        <Text className='blocks__add-item' onClick={() => void add('image')} data-add='photo'>添加图片</Text>
      </View>
    </View>
  )
}
