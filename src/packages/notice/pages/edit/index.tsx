import { useRouter } from '@tarojs/taro'
import { View, Text, Input, Textarea, Picker } from '@tarojs/components'
import { noticeCategories } from '../../../../../types/notice'
import { PageShell } from '@/components/page-shell/PageShell'
import { AppButton } from '@/components/AppButton'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { BlockEditor } from '../../components/BlockEditor'
import { AttachmentEditor } from '../../components/AttachmentEditor'
import { EditorChoice, EditorField } from '../../components/EditorField'
import { LinkPicker } from '../../components/LinkPicker'
import { useNoticeEditor, type EditorMode } from '../../components/useNoticeEditor'
import '../../components/editor.scss'

/**
 * 起草 (committee), 修改草稿, and 更正 (chair: a new version with a required reason; the published
 * version stays as it was). Category, range and 公示期 are fixed once published.
 */
export default function NoticeEditPage() {
  const { params } = useRouter()
  const mode: EditorMode = !params.id ? 'new' : params.mode === 'correct' ? 'correct' : 'draft'
  const { form, set, version, loaded, loadError, saving, error, submit } = useNoticeEditor(mode, params.id)

  if (loadError) return <PageShell><ErrorState message={loadError} /></PageShell>
  if (!loaded) return <PageShell><LoadingState text='正在加载公告…' /></PageShell>

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
            <EditorField label='公示期' hint='公示期内会员可以实名提出异议，由主席逐条答复' error={f.publicity}>
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
        {fixed ? null : (
          <EditorField label='关联活动' hint='公告是某个活动的通知时选上，读者会看到“去报名”' error={f.link}>
            <LinkPicker value={form.link} onChange={(l) => set('link', l)} />
          </EditorField>
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
