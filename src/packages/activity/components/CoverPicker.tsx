import { useState } from 'react'
import { View, Text, Image } from '@tarojs/components'
import { files } from '@/services/files'
import { messageOf } from '@/services/call'
import { extensionOf } from '@/services/file-types'
import './form.scss'

/** 24 random characters: a staging name says nothing about who uploaded it or when. */
const stagingName = () => Array.from({ length: 24 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 36)]).join('')

/**
 * One cover picture. It is uploaded to the staging folder `uploads/activity/<random>.<ext>` (a random
 * name: nothing about who or when); saving the activity has the function check it, strip what the
 * file says about camera and place, and keep its own copy.
 */
export function CoverPicker({ fileId, currentUrl, onChange }: { fileId?: string; currentUrl?: string; onChange: (fileId: string | undefined) => void }) {
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
      const id = await files.uploadFile(picked.path, `uploads/activity/${stagingName()}.${ext}`)
      setPreview(picked.path)
      onChange(id)
    } catch (err) {
      if (!/cancel/i.test(String((err as Error)?.message ?? err))) setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  const shown = preview || (fileId ? currentUrl : '')
  return (
    <View>
      {shown ? <Image src={shown} mode='aspectFill' style={{ width: '100%', height: '160px', borderRadius: '8px' }} /> : null}
      {fileId && !shown ? <Text className='field__hint'>已有封面图</Text> : null}
      <View className='row'>
        <Text className='link' onClick={() => void pick()}>{busy ? '正在上传…' : fileId ? '更换封面' : '＋ 选择封面图（可不选）'}</Text>
        {fileId ? <Text className='link' style={{ marginLeft: '24px' }} onClick={() => { setPreview(''); onChange(undefined) }}>移除</Text> : null}
      </View>
      {error ? <View className='field__error' role='alert'>{error}</View> : null}
    </View>
  )
}
