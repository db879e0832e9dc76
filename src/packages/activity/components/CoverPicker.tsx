import { useState } from 'react'
import { View, Text, Image } from '@tarojs/components'
import { files } from '@/services/files'
import { messageOf } from '@/services/call'
import { extensionOf } from '@/services/file-types'
import './form.scss'

/** One cover picture, uploaded under activity-covers/ (the function accepts covers only from there). */
export function CoverPicker({ fileId, onChange }: { fileId?: string; onChange: (fileId: string | undefined) => void }) {
  const [preview, setPreview] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const pick = async () => {
    setError('')
    try {
      const [picked] = await files.pickImages(1)
      if (!picked) return
      setBusy(true)
      const ext = extensionOf(picked.name) || 'jpg'
      const id = await files.uploadFile(picked.path, `activity-covers/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${ext}`)
      setPreview(picked.path)
      onChange(id)
    } catch (err) {
      if (!/cancel/i.test(String((err as Error)?.message ?? err))) setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View>
      {preview ? <Image src={preview} mode='aspectFill' style={{ width: '100%', height: '160px', borderRadius: '8px' }} /> : null}
      {fileId && !preview ? <Text className='field__hint'>已有封面图</Text> : null}
      <View className='row'>
        <Text className='link' onClick={() => void pick()}>{busy ? '正在上传…' : fileId ? '更换封面' : '＋ 选择封面图（可不选）'}</Text>
        {fileId ? <Text className='link' style={{ marginLeft: '24px' }} onClick={() => { setPreview(''); onChange(undefined) }}>移除</Text> : null}
      </View>
      {error ? <View className='field__error' role='alert'>{error}</View> : null}
    </View>
  )
}
