import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import { files } from '@/services/files'
import './form.scss'

/** 24 random letters and digits: the staging name says nothing of who uploaded it or when. */
const randomName = () => Array.from({ length: 4 }, () => Math.random().toString(36).slice(2, 10)).join('').padEnd(24, '0').slice(0, 24)

export interface PhotoDraft {
  fileId: string
  /** local path or temp URL, for the thumbnail */
  preview: string
}

/**
 * Up to 9 photos, uploaded as soon as they are picked to the staging folder `uploads/welfare/` under
 * a random name (no person, no time in it); the welfare function checks each, strips its metadata and
 * keeps its own copy when the visit is saved.
 */
export function PhotoUploader({ photos, onChange }: { photos: PhotoDraft[]; onChange: (p: PhotoDraft[]) => void }) {
  const [busy, setBusy] = useState(false)
  const add = async () => {
    try {
      const picked = await files.pickImages(9 - photos.length)
      if (!picked.length) return
      setBusy(true)
      const uploaded = await Promise.all(picked.map(async (p) => {
        const ext = /\.png$/i.test(p.name) ? 'png' : 'jpg'
        const fileId = await files.uploadFile(p.path, `uploads/welfare/${randomName()}.${ext}`)
        return { fileId, preview: p.path }
      }))
      onChange([...photos, ...uploaded])
    } catch {
      void Taro.showToast({ title: '照片上传失败，请检查网络后重试', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='photos'>
      {photos.map((p) => (
        <Image key={p.fileId} className='photos__item' src={p.preview} mode='aspectFill' onClick={() => onChange(photos.filter((x) => x !== p))} />
      ))}
      {photos.length < 9 ? (
        <View className='photos__add' onClick={() => void add()} data-testid='add-photo'>
          <Text>{busy ? '上传中…' : '＋ 照片'}</Text>
        </View>
      ) : null}
    </View>
  )
}
