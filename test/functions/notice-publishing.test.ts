/**
 * Drafts, publishing, corrections and withdrawal through the real runner and SDK: a published
 * version never changes, a correction keeps every earlier version readable, every write is audited.
 */
import { noticeDetail } from '../../types/notice'
import { result } from '../../types/result'
import { seededEnv } from './helpers'
import { BYTES, body, call, ok, published, stage, uploadTo } from './notice-support'

let env: string
let db: any
beforeAll(async () => { ({ env, db } = await seededEnv('notice-pub')) })

const versionsOf = async (id: string) => (await db.collection('notice_versions').where({ noticeId: id }).orderBy('version', 'asc').get()).data
const auditOf = async (id: string) => (await db.collection('audit_log').where({ 'target.id': id }).get()).data.map((a: any) => a.action).sort()

describe('drafts', () => {
  it('a committee draft is seen by committee and chair only, never listed', async () => {
    const { id } = await ok(env, 'committee', 'createDraft', { title: '草稿：下学期工会活动安排', category: '校务', visibility: 'public', body: body('待定') })
    expect((await ok(env, 'chair', 'get', { id })).state).toBe('draft')
    expect((await ok(env, 'committee', 'get', { id })).source.body).toEqual(body('待定'))
    for (const who of ['staff', 'visitor'] as const) {
      expect(await call(env, who, 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    }
    expect((await ok(env, 'chair', 'list', { keyword: '下学期工会活动' })).total).toBe(0)
    expect((await ok(env, 'committee', 'manageList', { state: 'draft' })).items.map((n: any) => n.title)).toContain('草稿：下学期工会活动安排')
  })

  it('refuses HTML, unknown block fields and empty bodies with a Chinese message, writing nothing', async () => {
    const before = (await db.collection('notices').count()).total
    const bad = [
      { body: [{ type: 'html', text: '<script>alert(1)</script>' }] },
      { body: [{ type: 'paragraph', text: '看这里', html: '<a href="javascript:alert(1)">x</a>' }] },
      { body: [] },
      { body: [{ type: 'image', fileId: 'https://evil.example/x.png' }] },
      { title: '' },
    ]
    for (const b of bad) {
      const r = await call(env, 'committee', 'createDraft', { title: '坏草稿', category: '校务', visibility: 'internal', body: body('x'), ...b })
      expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) })
    }
    expect((await db.collection('notices').count()).total).toBe(before)
  })

  it('an edited draft keeps its id; publishing makes version 1 and records it in notice_versions', async () => {
    const { id } = await ok(env, 'committee', 'createDraft', { title: '关于暑期疗休养的通知（稿）', category: '其他', visibility: 'internal', body: body('初稿') })
    await ok(env, 'committee', 'updateDraft', { id, revision: 0, title: '关于暑期疗休养的通知', category: '其他', visibility: 'internal', body: body('定稿') })
    const v = await ok(env, 'chair', 'publish', { id })
    expect(v).toEqual({ id, version: 1 })
    const [v1] = await versionsOf(id)
    expect(v1).toMatchObject({ version: 1, title: '关于暑期疗休养的通知', body: body('定稿') })
    expect(await call(env, 'chair', 'publish', { id })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await auditOf(id)).toEqual(['notice.createDraft', 'notice.publish', 'notice.updateDraft'])
  })
})

describe('a published version is immutable', () => {
  let id: string
  let v1: any
  beforeAll(async () => {
    id = await published(env, { title: '关于教工食堂窗口调整的通知', body: body('二楼窗口周一起调整为面食窗口。') })
    ;[v1] = await versionsOf(id)
  })

  it('no role can edit it as a draft', async () => {
    for (const who of ['committee', 'chair'] as const) {
      const r = await call(env, who, 'updateDraft', { id, revision: 0, title: '偷偷改标题', category: '校务', visibility: 'internal', body: body('偷偷改正文') })
      expect(r).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('更正') })
    }
    for (const who of ['committee', 'staff', 'visitor'] as const) {
      const r = await call(env, who, 'correct', { id, version: 1, title: '偷偷改标题', body: body('偷偷改正文'), reason: '想改就改' })
      expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
    expect((await versionsOf(id))).toEqual([v1])
    expect((await ok(env, 'staff', 'get', { id })).title).toBe('关于教工食堂窗口调整的通知')
  })

  it('a correction needs a reason, changes something, and appends version 2 while version 1 stays readable', async () => {
    expect(await call(env, 'chair', 'correct', { id, version: 1, title: '关于教工食堂窗口调整的通知', body: body('二楼窗口周二起调整为面食窗口。') }))
      .toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('原因') })
    expect(await call(env, 'chair', 'correct', { id, version: 1, title: '关于教工食堂窗口调整的通知', body: body('二楼窗口周一起调整为面食窗口。'), reason: '无变化' }))
      .toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('相同') })
    expect(await ok(env, 'chair', 'correct', { id, version: 1, title: '关于教工食堂窗口调整的通知', body: body('二楼窗口周二起调整为面食窗口。'), reason: '日期写错，应为周二' }))
      .toEqual({ id, version: 2 })
    expect(await call(env, 'chair', 'correct', { id, version: 1, title: '关于教工食堂窗口调整的通知', body: body('基于旧版的更正'), reason: '旧版上改' }))
      .toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('第 2 版') })

    const now = await ok(env, 'staff', 'get', { id })
    expect(now).toMatchObject({ version: 2, currentVersion: 2, correctionCount: 1, reason: '日期写错，应为周二', body: body('二楼窗口周二起调整为面食窗口。') })
    expect(now.versions.map((v: any) => v.version)).toEqual([2, 1])
    expect(now.source).toBeUndefined() // only the chair gets the stored form to correct from
    expect((await ok(env, 'chair', 'get', { id })).source.body).toEqual(body('二楼窗口周二起调整为面食窗口。'))
    const old = await ok(env, 'staff', 'get', { id, version: 1 })
    expect(old).toMatchObject({ version: 1, currentVersion: 2, body: body('二楼窗口周一起调整为面食窗口。') })
    expect((await versionsOf(id))[0]).toEqual(v1)
    expect((await ok(env, 'staff', 'list', { keyword: '教工食堂窗口' })).items[0].correctionCount).toBe(1)
    expect(result(noticeDetail).safeParse({ ok: true, data: now }).success).toBe(true)
  })

  it('withdrawal keeps the notice, every version and the reason; a withdrawn notice cannot be corrected', async () => {
    expect(await call(env, 'chair', 'withdraw', { id })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    await ok(env, 'chair', 'withdraw', { id, reason: '窗口调整暂缓执行' })
    const shown = await ok(env, 'staff', 'get', { id })
    expect(shown).toMatchObject({ state: 'withdrawn', withdrawReason: '窗口调整暂缓执行', version: 2 })
    expect((await ok(env, 'staff', 'get', { id, version: 1 })).body).toEqual(body('二楼窗口周一起调整为面食窗口。'))
    expect(await call(env, 'chair', 'correct', { id, version: 2, title: 'x标题', body: body('新'), reason: '再改一次' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await versionsOf(id)).toHaveLength(2)
    expect((await db.collection('notices').where({ _id: id }).count()).total).toBe(1)
    expect((await ok(env, 'staff', 'list', { keyword: '教工食堂窗口' })).total).toBe(0)
    expect(await auditOf(id)).toEqual(['notice.correct', 'notice.createDraft', 'notice.publish', 'notice.withdraw'])
  })

  it('two simultaneous corrections of the same version produce exactly one version 2', async () => {
    const other = await published(env, { title: '关于期末监考安排的通知', body: body('监考表见附件。') })
    const answers = await Promise.all(['甲', '乙', '丙'].map((x) =>
      call(env, 'chair', 'correct', { id: other, version: 1, title: '关于期末监考安排的通知', body: body(`监考表更新版${x}`), reason: `更新${x}` })))
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.filter((a) => !a.ok).map((a) => a.code)).toEqual(['CONFLICT', 'CONFLICT'])
    expect((await versionsOf(other)).map((v: any) => v.version)).toEqual([1, 2])
  })
})

describe('attachments', () => {
  it('records a real PDF with its real size and hash; readers get a temporary link from notice.file', async () => {
    const fileId = await stage(env, 'pdf', BYTES.pdf)
    const id = await published(env, { title: '2027年工会经费预算（附件）', attachments: [{ fileId, name: '预算表.pdf', size: 1 }] })
    const [doc] = (await db.collection('notices').where({ _id: id }).get()).data
    expect(doc.attachments).toEqual([{ fileId: expect.stringMatching(/\/notice-files\/[0-9a-f]{64}\.pdf$/), name: '预算表.pdf', size: BYTES.pdf.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }])
    const shown = await ok(env, 'staff', 'get', { id })
    expect(shown.attachments).toEqual([{ name: '预算表.pdf', size: BYTES.pdf.length, kind: 'pdf' }])
    expect(JSON.stringify(shown)).not.toContain('cloud://')
    const link = await ok(env, 'staff', 'file', { id, index: 0 })
    expect(link).toEqual({ url: expect.stringMatching(/^http/), name: '预算表.pdf', kind: 'pdf' })
    const res = await fetch(encodeURI(link.url))
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('refuses a wrong type, bytes that do not match the name, files outside the upload folder and oversize files', async () => {
    const exe = await stage(env, 'pdf', BYTES.exe)
    const outside = await uploadTo(env, 'opinions/test/photo.png', BYTES.png)
    const oldPath = await uploadTo(env, 'notices/test/old.pdf', BYTES.pdf)
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ fileId: exe, name: 'setup.exe', size: 100 }, /PDF、Word、Excel/],
      [{ fileId: exe, name: 'setup.pdf', size: 100 }, /内容与文件类型不符/],
      [{ fileId: outside, name: 'photo.png', size: 100 }, /通过小程序上传/],
      [{ fileId: oldPath, name: 'old.pdf', size: 100 }, /通过小程序上传/],
      [{ fileId: exe, name: 'big.pdf', size: 21 * 1024 * 1024 }, /附件大小：附件不能超过 20M/],
    ]
    for (const [attachment, message] of cases) {
      const r = await call(env, 'committee', 'createDraft', { title: '附件检查', category: '校务', visibility: 'internal', body: body('x'), attachments: [attachment] })
      expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringMatching(message) })
    }
    expect((await db.collection('notices').where({ title: '附件检查' }).count()).total).toBe(0)
  })

  it('checks body images the same way', async () => {
    const png = await stage(env, 'png', BYTES.png)
    const fake = await stage(env, 'png', BYTES.pdf)
    const bad = await call(env, 'committee', 'createDraft', { title: '图片检查', category: '校务', visibility: 'internal', body: [{ type: 'image', fileId: fake }] })
    expect(bad).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('JPG 或 PNG') })
    const id = await published(env, { title: '工会运动会合影', body: [{ type: 'heading', text: '合影' }, { type: 'image', fileId: png, caption: '全体合影' }] })
    const shown = await ok(env, 'staff', 'get', { id })
    expect(shown.body[1]).toEqual({ type: 'image', url: expect.stringMatching(/^http/), caption: '全体合影' })
  })
})

describe('pinning and the management list', () => {
  it('the chair pins a notice to the top of the list, audited', async () => {
    const id = await published(env, { title: '置顶测试：工会小组长会议通知' })
    await ok(env, 'chair', 'pin', { id, pinned: true })
    const { items } = await ok(env, 'staff', 'list', {})
    expect(items.findIndex((n: any) => n.id === id)).toBeLessThan(items.findIndex((n: any) => !n.pinned))
    expect(await auditOf(id)).toContain('notice.pin')
    const drafts = await ok(env, 'committee', 'manageList', { state: 'published' })
    expect(drafts.items[0]).toMatchObject({ id, authorName: '李晓梅', state: 'published' })
    expect(JSON.stringify(drafts)).not.toMatch(/openid|mem\d{3}/)
  })
})
