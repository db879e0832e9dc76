import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ANSWER_FILES_MAX, type AnswerFileInput } from '../../../../types/congress'
import { fileSize } from '@/components/notice/Attachments'
import { files } from '@/services/files'

const DOCUMENTS = ['pdf', 'doc', 'docx']
const ALLOWED = /\.(pdf|docx?|jpe?g|png)$/i
const MAX_BYTES = 20 * 1024 * 1024

/**
 * Where the app stages an answer file: `uploads/congress/<random>.<ext>` (no user, no time in the
 * name). The function checks the bytes and keeps its own copy named by content; this one is deleted.
 */
function stagingPath(name: string): string {
  const ext = (/\.([a-z0-9]{1,5})$/i.exec(name)?.[1] ?? 'bin').toLowerCase()
  const random = Array.from({ length: 24 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 36)]).join('')
  return `uploads/congress/${random}.${ext}`
}

/** 答复附件: PDF / Word from a chat (or the disk) and photos, uploaded as soon as they are picked. */
export function AnswerFilePicker({ list, onChange }: { list: AnswerFileInput[]; onChange: (list: AnswerFileInput[]) => void }) {
  const add = async (kind: 'document' | 'image') => {
    const room = ANSWER_FILES_MAX - list.length
    if (room <= 0) {
      void Taro.showToast({ title: `答复附件最多 ${ANSWER_FILES_MAX} 个`, icon: 'none' })
      return
    }
    try {
      const picked = kind === 'document' ? await files.pickDocuments(room, DOCUMENTS) : await files.pickImages(room)
      const ok = picked.filter((p) => p.size <= MAX_BYTES && (kind === 'image' || ALLOWED.test(p.name)))
      if (ok.length < picked.length) void Taro.showToast({ title: '有文件超过 20 MB 或类型不支持，已跳过', icon: 'none' })
      if (ok.length === 0) return
      Taro.showLoading({ title: '正在上传…' })
      const uploaded: AnswerFileInput[] = []
      for (const p of ok) uploaded.push({ fileId: await files.uploadFile(p.path, stagingPath(p.name)), name: p.name, size: p.size })
      onChange([...list, ...uploaded])
    } catch {
      void Taro.showToast({ title: '附件没有上传成功，请重试', icon: 'none' })
    } finally {
      Taro.hideLoading()
    }
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
