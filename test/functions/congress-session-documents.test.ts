/**
 * A session's 会议文件 are notices published through 校务公开: the chair lists them at the revision
 * shown; a draft or unknown notice is refused and nothing changes; every member reads them on the
 * session; a withdrawn one drops out. Notices made through the notice function.
 */
import { callAs, seededEnv } from './helpers'
import { must, rid } from './plan-support'

let env: string
beforeAll(async () => {
  ;({ env } = await seededEnv('congress-docs'))
})

const notice = async (title: string, publish: boolean) => {
  const d = await must(env, 'committee', 'notice', 'createDraft', { requestId: rid(), title, category: '教代会', visibility: 'internal', body: [{ type: 'paragraph', text: `${title}全文` }] })
  if (publish) await must(env, 'chair', 'notice', 'publish', { id: d.id })
  return d.id as string
}
const SESSION = 'congress-5-3'

it('lists published 校务公开 notices as the session’s 会议文件, for every member to open', async () => {
  const report = await notice('学校工作报告', true)
  const draft = await notice('财务工作报告（草稿）', false)
  const s = await must(env, 'staff', 'congress', 'session', { sessionId: SESSION })
  expect(s.documents).toEqual([])

  expect(await callAs(env, 'committee', 'congress', { action: 'setDocuments', sessionId: SESSION, revision: s.revision, noticeIds: [report] })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await callAs(env, 'chair', 'congress', { action: 'setDocuments', sessionId: SESSION, revision: s.revision, noticeIds: [report, draft] }))
    .toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('已发布的校务公开') })
  expect((await must(env, 'staff', 'congress', 'session', { sessionId: SESSION })).documents).toEqual([])

  const saved = await must(env, 'chair', 'congress', 'setDocuments', { sessionId: SESSION, revision: s.revision, noticeIds: [report] })
  expect(await callAs(env, 'chair', 'congress', { action: 'setDocuments', sessionId: SESSION, revision: s.revision, noticeIds: [] }))
    .toMatchObject({ ok: false, code: 'CONFLICT' })
  const seen = await must(env, 'retiree', 'congress', 'session', { sessionId: SESSION })
  expect(seen).toMatchObject({ revision: saved.revision, documents: [{ noticeId: report, title: '学校工作报告' }] })
  expect(await must(env, 'retiree', 'notice', 'get', { id: report })).toMatchObject({ title: '学校工作报告' })

  await must(env, 'chair', 'notice', 'withdraw', { id: report, reason: '内容有误，重新发布' })
  expect((await must(env, 'staff', 'congress', 'session', { sessionId: SESSION })).documents).toEqual([])
})
