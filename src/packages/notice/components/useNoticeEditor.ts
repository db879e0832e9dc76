import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import type { NoticeCategory, NoticeLink, NoticeVisibility } from '../../../../types/notice'
import { noticeApi, type AttachmentValue, type NoticeDraftValue } from '@/components/notice/api'
import { useRequestId } from '@/hooks/useRequestId'
import { CallError, messageOf } from '@/services/call'
import { todayShanghai } from '@/utils/time'
import { fromEdit, toEdit, type EditBlock } from './blocks'
import { confirmed } from './confirm'
import { audienceOf } from './DraftActions'

export type EditorMode = 'new' | 'draft' | 'correct'

export interface NoticeForm {
  title: string
  category: NoticeCategory
  visibility: NoticeVisibility
  pinned: boolean
  blocks: EditBlock[]
  attachments: AttachmentValue[]
  publicityOn: boolean
  startDate: string
  endDate: string
  link: NoticeLink | null
  reason: string
}

const blank = (): NoticeForm => ({
  title: '', category: '校务', visibility: 'internal', pinned: false, blocks: [{ type: 'paragraph', text: '', bold: false }],
  attachments: [], publicityOn: false, startDate: todayShanghai(), endDate: todayShanghai(new Date(Date.now() + 6 * 86400_000)), link: null, reason: '',
})

const detailUrl = (id: string) => `/packages/notice/pages/detail/index?id=${encodeURIComponent(id)}`

/**
 * The notice editor's state and its one submit: 起草 (once per form: the request id survives
 * retries and double taps), 修改草稿 (on the revision it opened), 更正 (asks once, then publishes
 * version n+1 on the version it opened).
 */
export function useNoticeEditor(mode: EditorMode, id: string | undefined) {
  const [form, setForm] = useState<NoticeForm>(blank)
  const [version, setVersion] = useState(1)
  const [revision, setRevision] = useState(0)
  const [loaded, setLoaded] = useState(mode === 'new')
  const [loadError, setLoadError] = useState('')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null)
  const [requestId] = useRequestId()
  const set = <K extends keyof NoticeForm>(key: K, value: NoticeForm[K]) => setForm((f) => ({ ...f, [key]: value }))

  useEffect(() => {
    if (mode === 'new' || !id) return
    void Taro.setNavigationBarTitle({ title: mode === 'correct' ? '更正公告' : '修改草稿' })
    noticeApi.get(id).then((n) => {
      if (!n.source) throw new CallError('failure', mode === 'correct' ? '只有主席可以更正已发布的公告' : '这份草稿已经发布，不能再修改', 'FORBIDDEN')
      setVersion(n.currentVersion)
      setRevision(n.source.revision)
      setForm({
        title: n.title, category: n.category, visibility: n.visibility, pinned: n.pinned, blocks: n.source.body.map(toEdit),
        attachments: n.source.attachments, publicityOn: !!n.source.publicity, link: n.source.link ?? null,
        startDate: n.source.publicity?.startDate ?? todayShanghai(), endDate: n.source.publicity?.endDate ?? todayShanghai(), reason: '',
      })
      setLoaded(true)
    }).catch((err) => setLoadError(messageOf(err)))
  }, [mode, id])

  const draft = (): NoticeDraftValue => ({
    title: form.title, category: form.category, visibility: form.visibility, pinned: form.pinned, body: fromEdit(form.blocks),
    attachments: form.attachments, publicity: form.publicityOn ? { startDate: form.startDate, endDate: form.endDate } : null,
    link: form.link ? { kind: form.link.kind, id: form.link.id } : null,
  })

  const save = async (): Promise<string | null> => {
    if (mode === 'correct') {
      const ok = await confirmed(`发布第 ${version + 1} 版更正？`,
        `第 ${version} 版原文会保留；${audienceOf(form)}都会看到“已更正”和更正原因“${form.reason.trim()}”。更正发布后不能撤回或修改。`, '发布更正')
      if (!ok) return null
      await noticeApi.correct({ id: id!, version, title: form.title, body: fromEdit(form.blocks), attachments: form.attachments, reason: form.reason })
      void Taro.showToast({ title: `已发布第 ${version + 1} 版`, icon: 'success' })
      return id!
    }
    const saved = mode === 'draft' ? await noticeApi.updateDraft(id!, revision, draft()) : await noticeApi.createDraft(draft(), requestId)
    void Taro.showToast({ title: '草稿已保存', icon: 'success' })
    return saved.id
  }

  const submit = async () => {
    setSaving(true)
    setError(null)
    try {
      const saved = await save()
      if (!saved) return
      if (mode === 'new') {
        setTimeout(() => void Taro.redirectTo({ url: detailUrl(saved) }), 500)
      } else {
        setTimeout(() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: detailUrl(saved) })), 500)
      }
    } catch (err) {
      const fields: Record<string, string> = {}
      if (err instanceof CallError) for (const i of err.issues ?? []) fields[i.path[0] ?? ''] ??= i.message
      setError({ message: messageOf(err), fields })
    } finally {
      setSaving(false)
    }
  }

  return { form, set, version, loaded, loadError, saving, error, submit }
}
