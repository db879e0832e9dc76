/**
 * The notice lines of the 工作台 (member.desk): 未答复异议 — urgent once a 公示期 has ended with an
 * objection unanswered — 待发布草稿, and 附件损坏 when a stored file no longer matches its hash.
 * Driven with notices and objections made through the functions.
 */
import { callAs, seededEnv } from './helpers'
import { BYTES, body, call, day, ok, published, stage } from './notice-support'
import { sdkFor } from '../support/cloud'

let env: string
let db: any
beforeAll(async () => { ({ env, db } = await seededEnv('notice-desk')) })

async function desk(who: 'chair' | 'committee') {
  const r = await callAs(env, who, 'member', { action: 'desk' })
  expect(r.ok).toBe(true)
  return Object.fromEntries((r.data.items as any[]).filter((i) => i.key.startsWith('notice.')).map((i) => [i.key, i]))
}

it('counts what waits for the chair, with links to where it is done', async () => {
  const drafts = (await db.collection('notices').where({ state: 'draft' }).count()).total
  const lines = await desk('chair')
  // the seed holds one objection still unanswered after its 公示期 ended
  expect(lines['notice.objections']).toEqual({ key: 'notice.objections', title: '未答复异议', count: 1, url: '/packages/notice/pages/objections/index', urgent: true })
  expect(lines['notice.drafts']).toMatchObject({ title: '待发布草稿', count: drafts, url: '/packages/notice/pages/manage/index', urgent: false })
  expect(lines['notice.damagedFiles']).toBeUndefined()
})

it('an objection during a running 公示期 is waiting but not yet urgent; answered ones leave the count', async () => {
  const [seededObjection] = (await ok(env, 'chair', 'pendingObjections', {})).items
  await ok(env, 'chair', 'answerObjection', { objectionId: seededObjection.id, answer: '已公布参加投票的人员名单。' })
  const id = await published(env, { title: '2026年度师德标兵推荐人选公示', publicity: { startDate: day(0), endDate: day(4) } })
  await ok(env, 'staff', 'object', { id, text: '推荐人选的得票情况请一并公示。' })
  expect((await desk('chair'))['notice.objections']).toMatchObject({ count: 1, urgent: false })
  await ok(env, 'committee', 'createDraft', { title: '新的草稿', category: '校务', visibility: 'internal', body: body('x') })
  const drafts = (await db.collection('notices').where({ state: 'draft' }).count()).total
  expect((await desk('committee'))['notice.drafts'].count).toBe(drafts)
  expect((await desk('committee'))['notice.objections']).toBeUndefined() // only the chair answers objections
})

it('a stored file that no longer matches its hash shows as 附件损坏 until a correction replaces it', async () => {
  const id = await published(env, { title: '附件会被替换的公告', attachments: [{ fileId: await stage(env, 'pdf', BYTES.pdf), name: '名单.pdf', size: 1 }] })
  const [doc] = (await db.collection('notices').where({ _id: id }).get()).data
  await sdkFor(env).cloud.uploadFile({ cloudPath: doc.attachments[0].fileId.replace(/^cloud:\/\/[^/]+\//, ''), fileContent: Buffer.from('%PDF-1.4 被替换') })
  await call(env, 'staff', 'file', { id, index: 0 })
  expect((await desk('chair'))['notice.damagedFiles']).toMatchObject({ title: '附件损坏', count: 1, urgent: true })
  await ok(env, 'chair', 'correct', { id, version: 1, title: doc.title, body: body('名单见新附件。'), reason: '重新上传附件', attachments: [{ fileId: await stage(env, 'pdf', BYTES.pdf), name: '名单.pdf', size: 1 }] })
  expect((await desk('chair'))['notice.damagedFiles']).toBeUndefined()
})
