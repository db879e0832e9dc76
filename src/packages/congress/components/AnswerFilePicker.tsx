import { View, Text } from '@tarojs/components'
import { ANSWER_FILES_MAX, type AnswerFileInput } from '../../../../types/congress'
import { fileSize } from '@/components/notice/Attachments'
import { pickAndUpload, stagingPath } from '@/services/pick-upload'

/**
 * 答复附件: PDF / Word from a chat (or the disk) and photos, uploaded as soon as they are picked to
 * `uploads/congress/` (staging); the function checks the bytes and keeps its own copy named by content.
 */
export function AnswerFilePicker({ list, onChange }: { list: AnswerFileInput[]; onChange: (list: AnswerFileInput[]) => void }) {
  const add = async (kind: 'document' | 'image') => {
    const uploaded = await pickAndUpload(kind, {
      max: ANSWER_FILES_MAX, taken: list.length, documents: ['pdf', 'doc', 'docx'], maxBytes: 20 * 1024 * 1024,
      stagingPath: (name) => stagingPath('congress', name), full: `答复附件最多 ${ANSWER_FILES_MAX} 个`,
    })
    if (uploaded.length) onChange([...list, ...uploaded])
  }
  return (
    <View data-testid='answer-file-picker'>
      {list.map((f, i) => (
        <View key={f.fileId} className='cg-file' data-picked-file={f.name}>
          <Text className='cg-file__name'>{`${f.name}（${fileSize(f.size)}）`}</Text>
          <Text className='cg-link' onClick={() => onChange(list.filter((_, k) => k !== i))}>移除</Text>
        </View>
      ))}
      <View className='cg-links'>
        <Text className='cg-link' onClick={() => void add('document')} data-add='document'>添加文件（PDF/Word）</Text>
        <Text className='cg-link' onClick={() => void add('image')} data-add='photo'>添加图片</Text>
      </View>
    </View>
  )
}
