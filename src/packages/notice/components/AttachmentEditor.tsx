import { View, Text } from '@tarojs/components'
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_MAX } from '../../../../types/notice'
import type { AttachmentValue } from '@/components/notice/api'
import { fileSize } from '@/components/notice/Attachments'
import { pickAndUpload } from '@/services/pick-upload'
import { noticeCloudPath } from './blocks'
import './editor.scss'

const DOCUMENTS = ['pdf', 'doc', 'docx', 'xls', 'xlsx']

/** 附件: PDF / Word / Excel (from a chat or the disk) or photos, uploaded under notices/. */
export function AttachmentEditor({ list, onChange }: { list: AttachmentValue[]; onChange: (list: AttachmentValue[]) => void }) {
  const add = async (kind: 'document' | 'image') => {
    const uploaded = await pickAndUpload(kind, { max: ATTACHMENTS_MAX, taken: list.length, documents: DOCUMENTS, maxBytes: ATTACHMENT_MAX_BYTES, stagingPath: noticeCloudPath, full: `附件最多 ${ATTACHMENTS_MAX} 个` })
    if (uploaded.length) onChange([...list, ...uploaded])
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
