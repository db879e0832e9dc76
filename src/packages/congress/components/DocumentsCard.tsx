import { View, Text } from '@tarojs/components'
import { AppButton } from '@/components/AppButton'
import { api } from '@/services/api'
import { useAsync } from '@/hooks/useAsync'

export type SessionDocument = { noticeId: string; title: string }

/**
 * 会议文件 (the chair): the session lists notices published through 校务公开 — picked from the board's
 * 教代会 notices, saved together. The notice keeps its text, versions and read receipts.
 */
export function DocumentsCard({ documents, busy, onChange, onSave }: { documents: SessionDocument[]; busy: boolean; onChange: (d: SessionDocument[]) => void; onSave: () => void }) {
  const board = useAsync('congress-notices', () => api.notices({ category: '教代会', page: 1 }))
  const chosen = (id: string) => documents.some((d) => d.noticeId === id)
  const pick = (d: SessionDocument) => onChange(chosen(d.noticeId) ? documents.filter((x) => x.noticeId !== d.noticeId) : [...documents, d])
  return (
    <View className='cg-card' data-testid='documents'>
      <Text className='cg-strong'>会议文件（校务公开）</Text>
      <Text className='cg-line'>{documents.length ? documents.map((d) => `《${d.title}》`).join('、') : '还没有会议文件：先在校务公开发布（分类选“教代会”），再在这里选上'}</Text>
      {(board.data?.items ?? []).map((n) => (
        <View key={n.id} className={`cg-pick${chosen(n.id) ? ' cg-pick--on' : ''}`} onClick={() => pick({ noticeId: n.id, title: n.title })} data-document={n.title}>
          <Text>{n.title}</Text>
        </View>
      ))}
      <AppButton block variant='secondary' disabled={busy} onClick={onSave}>保存会议文件</AppButton>
    </View>
  )
}
