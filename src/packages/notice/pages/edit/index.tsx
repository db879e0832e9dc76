import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Input, Textarea, Picker } from '@tarojs/components'
import { noticeCategories, type NoticeCategory, type NoticeVisibility } from '../../../../../types/notice'
import { PageShell } from '@/components/page-shell/PageShell'
import { AppButton } from '@/components/AppButton'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { noticeApi, type AttachmentValue, type NoticeDraftValue } from '@/components/notice/api'
import { CallError, messageOf } from '@/services/call'
import { todayShanghai } from '@/utils/time'
import { BlockEditor } from '../../components/BlockEditor'
import { AttachmentEditor } from '../../components/AttachmentEditor'
import { EditorChoice, EditorField } from '../../components/EditorField'
import { fromEdit, toEdit, type EditBlock } from '../../components/blocks'
import '../../components/editor.scss'

type Mode = 'new' | 'draft' | 'correct'

interface Form {
  title: string
  category: NoticeCategory
  visibility: NoticeVisibility
  pinned: boolean
  blocks: EditBlock[]
  attachments: AttachmentValue[]
  publicityOn: boolean
  startDate: string
  endDate: string
  reason: string
}

const blank = (): Form => ({
  title: '', category: '校务', visibility: 'internal', pinned: false, blocks: [{ type: 'paragraph', text: '', bold: false }],
  attachments: [], publicityOn: false, startDate: todayShanghai(), endDate: todayShanghai(new Date(Date.now() + 6 * 86400_000)), reason: '',
})

/**
 * 起草 (committee), 修改草稿, and 更正 (chair: a new version with a required reason; the published
 * version stays as it was). Category, range and 公示期 are fixed once published.
 */
export default function NoticeEditPage() {
  const { params } = useRouter()
  const mode: Mode = !params.id ? 'new' : params.mode === 'correct' ? 'correct' : 'draft'
  const [form, setForm] = useState<Form>(blank)
  const [version, setVersion] = useState(1)
  const [loaded, setLoaded] = useState(mode === 'new')
  const [loadError, setLoadError] = useState('')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null)
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }))

  useEffect(() => {
    if (mode === 'new') return
    void Taro.setNavigationBarTitle({ title: mode === 'correct' ? '更正公告' : '修改草稿' })
    noticeApi.get(params.id!).then((n) => {
      if (!n.source) throw new CallError('failure', mode === 'correct' ? '只有主席可以更正已发布的公告' : '这份草稿已经发布，不能再修改', 'FORBIDDEN')
      setVersion(n.currentVersion)
      setForm({
        title: n.title, category: n.category, visibility: n.visibility, pinned: n.pinned, blocks: n.source.body.map(toEdit),
        attachments: n.source.attachments, publicityOn: !!n.source.publicity,
        startDate: n.source.publicity?.startDate ?? todayShanghai(), endDate: n.source.publicity?.endDate ?? todayShanghai(), reason: '',
      })
      setLoaded(true)
    }).catch((err) => setLoadError(messageOf(err)))
  }, [mode, params.id])

  if (loadError) return <PageShell><ErrorState message={loadError} /></PageShell>
  if (!loaded) return <PageShell><LoadingState text='正在加载公告…' /></PageShell>

  const draft = (): NoticeDraftValue => ({
    title: form.title, category: form.category, visibility: form.visibility, pinned: form.pinned, body: fromEdit(form.blocks),
    attachments: form.attachments, publicity: form.publicityOn ? { startDate: form.startDate, endDate: form.endDate } : null,
  })
  const submit = async () => {
    setSaving(true)
    setError(null)
    try {
      if (mode === 'correct') {
        await noticeApi.correct({ id: params.id!, version, title: form.title, body: fromEdit(form.blocks), attachments: form.attachments, reason: form.reason })
        void Taro.showToast({ title: `已发布第 ${version + 1} 版`, icon: 'success' })
      } else if (mode === 'draft') {
        await noticeApi.updateDraft(params.id!, draft())
        void Taro.showToast({ title: '草稿已保存', icon: 'success' })
      } else {
        const { id } = await noticeApi.createDraft(draft())
        void Taro.showToast({ title: '草稿已保存', icon: 'success' })
        setTimeout(() => void Taro.redirectTo({ url: `/packages/notice/pages/detail/index?id=${encodeURIComponent(id)}` }), 500)
        return
      }
      setTimeout(() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: `/packages/notice/pages/detail/index?id=${encodeURIComponent(params.id!)}` })), 500)
    } catch (err) {
      const fields: Record<string, string> = {}
      if (err instanceof CallError) for (const i of err.issues ?? []) fields[i.path[0] ?? ''] ??= i.message
      setError({ message: messageOf(err), fields })
    } finally {
      setSaving(false)
    }
  }
  const f = error?.fields ?? {}
  const fixed = mode === 'correct'

  return (
    <PageShell>
      {fixed ? (
        <View className='editor-form'>
          <Text className='editor-field__hint'>{`更正会发布第 ${version + 1} 版。第 ${version} 版原文会保留，读者可以看到“已更正”和每个历史版本。`}</Text>
        </View>
      ) : null}
      <View className='editor-form'>
        <EditorField label='标题' error={f.title}>
          <Input className='editor-input' value={form.title} maxlength={60} placeholder='如 关于2026年教职工健康体检安排的通知' onInput={(e) => set('title', e.detail.value)} data-testid='notice-title' />
        </EditorField>
        {fixed ? null : (
          <>
            <EditorField label='类别' error={f.category}>
              <EditorChoice name='category' options={noticeCategories} value={form.category} onChange={(v) => set('category', v)} />
            </EditorField>
            <EditorField label='公开范围' error={f.visibility}>
              <EditorChoice name='visibility' options={['internal', 'public'] as const} labels={{ internal: '对内（仅会员）', public: '对外（所有人）' }} value={form.visibility} onChange={(v) => set('visibility', v)} />
            </EditorField>
            <EditorField label='置顶'>
              <EditorChoice name='pinned' options={['no', 'yes'] as const} labels={{ no: '不置顶', yes: '置顶' }} value={form.pinned ? 'yes' : 'no'} onChange={(v) => set('pinned', v === 'yes')} />
            </EditorField>
            <EditorField label='公示期' hint={form.visibility === 'internal' ? '公示期内会员可以实名提出异议，由主席答复' : '对外公告的公示期只作展示，不接受小程序内异议'} error={f.publicity}>
              <EditorChoice name='publicity' options={['no', 'yes'] as const} labels={{ no: '不设公示期', yes: '设公示期' }} value={form.publicityOn ? 'yes' : 'no'} onChange={(v) => set('publicityOn', v === 'yes')} />
              {form.publicityOn ? (
                <View className='editor-dates'>
                  <Picker mode='date' value={form.startDate} onChange={(e) => set('startDate', String(e.detail.value))}>
                    <View className='editor-date' data-testid='publicity-start'><Text>{form.startDate}</Text></View>
                  </Picker>
                  <Text className='editor-dates__sep'>至</Text>
                  <Picker mode='date' value={form.endDate} onChange={(e) => set('endDate', String(e.detail.value))}>
                    <View className='editor-date' data-testid='publicity-end'><Text>{form.endDate}</Text></View>
                  </Picker>
                </View>
              ) : null}
            </EditorField>
          </>
        )}
        <EditorField label='正文' hint='只能是文字、小标题、列表、表格和图片，不支持网页代码和链接' error={f.body}>
          <BlockEditor blocks={form.blocks} onChange={(b) => set('blocks', b)} />
        </EditorField>
        <EditorField label='附件' hint='PDF、Word、Excel 或图片，每个不超过 20 MB，最多 9 个' error={f.attachments}>
          <AttachmentEditor list={form.attachments} onChange={(a) => set('attachments', a)} />
        </EditorField>
        {fixed ? (
          <EditorField label='更正原因（必填）' hint='会显示在新版本上，并写入备案' error={f.reason}>
            <Textarea className='editor-textarea' value={form.reason} maxlength={200} placeholder='如 晚餐时间有误，更正为 17:10' onInput={(e) => set('reason', e.detail.value)} data-testid='correct-reason' />
          </EditorField>
        ) : null}
      </View>
      {error ? <View className='editor-actions' role='alert'><Text className='editor-field__error'>{error.message}</Text></View> : null}
      <View className='editor-actions'>
        <AppButton block disabled={(saving) || undefined} onClick={() => void submit()}>{saving ? '正在保存…' : fixed ? '发布更正' : '保存草稿'}</AppButton>
      </View>
    </PageShell>
  )
}
