import { View, Text } from '@tarojs/components'
import { fileSize } from '@/components/notice/Attachments'
import { pickAndUpload, stagingPath, type UploadedFile } from '@/services/pick-upload'
import './form.scss'

interface Props {
  list: UploadedFile[]
  onChange: (list: UploadedFile[]) => void
  /** the staging folder `uploads/<domain>/` the function checks and moves files from */
  domain: string
  max: number
  /** document extensions offered besides photos */
  documents: string[]
  /** what the picker is called in its messages, e.g. 照片和附件 */
  what: string
  /** how the document button names the kinds, e.g. PDF/Word */
  documentsLabel: string
}

/**
 * Photos and documents for a form: uploaded to staging as soon as they are picked; the function checks
 * their bytes and keeps its own copy named by content. Each can be removed before saving.
 */
export function FilePicker({ list, onChange, domain, max, documents, what, documentsLabel }: Props) {
  const add = async (kind: 'document' | 'image') => {
    const uploaded = await pickAndUpload(kind, {
      max, taken: list.length, documents, maxBytes: 20 * 1024 * 1024, stagingPath: (name) => stagingPath(domain, name), full: `${what}最多 ${max} 个`,
    })
    if (uploaded.length) onChange([...list, ...uploaded])
  }
  return (
    <View data-testid='file-picker'>
      {list.map((f, i) => (
        <View key={f.fileId} className='file-picker__file' data-picked-file={f.name}>
          <Text className='file-picker__name'>{`${f.name}（${fileSize(f.size)}）`}</Text>
          <Text className='file-picker__link' onClick={() => onChange(list.filter((_, k) => k !== i))}>移除</Text>
        </View>
      ))}
      <View className='file-picker__links'>
        <Text className='file-picker__link' onClick={() => void add('image')} data-add='photo'>添加照片</Text>
        <Text className='file-picker__link' onClick={() => void add('document')} data-add='document'>{`添加文件（${documentsLabel}）`}</Text>
      </View>
    </View>
  )
}
