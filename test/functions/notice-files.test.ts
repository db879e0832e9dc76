/**
 * A published notice's files cannot change (#12.8): new uploads are sealed under
 * notice-files/<sha256>.<ext> with the hash kept on the version, the staging upload is deleted,
 * and every link is handed out only after the stored bytes hash to what the version recorded.
 */
import { createHash } from 'node:crypto'
import { sdkFor } from '../support/cloud'
import { seededEnv } from './helpers'
import { BYTES, body, bytesAt, call, ok, published, rid, stage, uploadTo } from './notice-support'

let env: string
let db: any
beforeAll(async () => { ({ env, db } = await seededEnv('notice-files')) })

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const fetchBytes = async (url: string) => Buffer.from(await (await fetch(encodeURI(url))).arrayBuffer())
const pathOf = (fileId: string) => fileId.replace(/^cloud:\/\/[^/]+\//, '')

describe('sealing', () => {
  it('uploading again to the path the app used changes nothing that version 1 serves', async () => {
    const pdfPath = `uploads/notice/${rid()}.pdf`
    const pngPath = `uploads/notice/${rid()}.png`
    const pdf = await uploadTo(env, pdfPath, BYTES.pdf)
    const png = await uploadTo(env, pngPath, BYTES.png)
    const id = await published(env, { title: '2026年教代会议程（附件）', body: [{ type: 'image', fileId: png }], attachments: [{ fileId: pdf, name: '议程.pdf', size: 1 }] })

    // The staging copies are gone; someone uploads other bytes to the very same paths.
    await expect(bytesAt(env, pdf)).rejects.toBeTruthy()
    const forged = Buffer.concat([Buffer.from('%PDF-1.4\n伪造的议程'), Buffer.alloc(100, 0x20)])
    await uploadTo(env, pdfPath, forged)
    await uploadTo(env, pngPath, BYTES.png.subarray(0, 40))

    const v1 = await ok(env, 'staff', 'get', { id, version: 1 })
    expect(await fetchBytes(v1.body[0].url)).toEqual(BYTES.png)
    const link = await ok(env, 'staff', 'file', { id, version: 1, index: 0 })
    expect(await fetchBytes(link.url)).toEqual(BYTES.pdf)

    const [version] = (await db.collection('notice_versions').where({ noticeId: id, version: 1 }).get()).data
    expect(version.attachments[0]).toMatchObject({ sha256: sha(BYTES.pdf), size: BYTES.pdf.length })
    expect(pathOf(version.attachments[0].fileId)).toBe(`notice-files/${sha(BYTES.pdf)}.pdf`)
    expect(pathOf(version.body[0].fileId)).toBe(`notice-files/${sha(BYTES.png)}.png`)
  })

  it('strips a photo’s metadata before hashing it (the stored bytes carry no camera, GPS or time text)', async () => {
    // a PNG with a tEXt chunk ("Comment" → a place and a time) before IEND
    const text = Buffer.from('Comment\u0000拍摄于 解放路12号 2026-03-08 07:41', 'utf8')
    const chunk = Buffer.alloc(12 + text.length)
    chunk.writeUInt32BE(text.length, 0)
    chunk.write('tEXt', 4, 'latin1')
    text.copy(chunk, 8)
    const iend = BYTES.png.length - 12
    const tagged = Buffer.concat([BYTES.png.subarray(0, iend), chunk, BYTES.png.subarray(iend)])
    const id = await published(env, { title: '工会活动照片', body: [{ type: 'image', fileId: await stage(env, 'png', tagged) }] })
    const [doc] = (await db.collection('notices').where({ _id: id }).get()).data
    const stored = await bytesAt(env, doc.body[0].fileId)
    expect(stored.toString('utf8')).not.toContain('解放路')
    expect(pathOf(doc.body[0].fileId)).toBe(`notice-files/${sha(stored)}.png`)
  })

  it('a draft cannot borrow another notice’s sealed file', async () => {
    const other = await published(env, { title: '有附件的公告', attachments: [{ fileId: await stage(env, 'pdf', BYTES.pdf), name: '原件.pdf', size: 1 }] })
    const [doc] = (await db.collection('notices').where({ _id: other }).get()).data
    const r = await call(env, 'committee', 'createDraft', { title: '借用附件', category: '校务', visibility: 'internal', body: body('x'), attachments: [{ fileId: doc.attachments[0].fileId, name: '原件.pdf', size: 1 }] })
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('不是这份公告的文件') })
  })

  it('a draft edit keeps the sealed files it sends back, and a correction adds new ones as a new version', async () => {
    const first = await stage(env, 'pdf', BYTES.pdf)
    const { id } = await ok(env, 'committee', 'createDraft', { title: '带附件的草稿', category: '财务', visibility: 'internal', body: body('初稿'), attachments: [{ fileId: first, name: '初稿.pdf', size: 1 }] })
    const draft = await ok(env, 'committee', 'get', { id })
    const kept = draft.source.attachments[0]
    await ok(env, 'committee', 'updateDraft', { id, revision: draft.source.revision, title: '带附件的草稿', category: '财务', visibility: 'internal', body: body('定稿'), attachments: [{ ...kept, name: '定稿.pdf' }] })
    await ok(env, 'chair', 'publish', { id })
    const second = Buffer.concat([BYTES.pdf, Buffer.from('第二版')])
    await ok(env, 'chair', 'correct', {
      id, version: 1, title: '带附件的草稿', body: body('定稿'), reason: '补充附件',
      attachments: [{ ...kept, name: '定稿.pdf' }, { fileId: await stage(env, 'pdf', second), name: '补充.pdf', size: 1 }],
    })
    const v2 = await ok(env, 'staff', 'get', { id })
    expect(v2.attachments.map((a: any) => a.name)).toEqual(['定稿.pdf', '补充.pdf'])
    expect(await fetchBytes((await ok(env, 'staff', 'file', { id, index: 1 })).url)).toEqual(second)
    expect((await ok(env, 'staff', 'get', { id, version: 1 })).attachments.map((a: any) => a.name)).toEqual(['定稿.pdf'])
  })
})

describe('verified on read', () => {
  let id: string
  let doc: any
  beforeAll(async () => {
    id = await published(env, {
      title: '关于暑期疗休养线路的通知', body: [{ type: 'image', fileId: await stage(env, 'png', BYTES.png) }],
      attachments: [{ fileId: await stage(env, 'pdf', BYTES.pdf), name: '线路表.pdf', size: 1 }],
    })
    ;[doc] = (await db.collection('notices').where({ _id: id }).get()).data
    // Someone with storage access (not the app: clients cannot write there) replaces both files.
    const { cloud } = sdkFor(env)
    await cloud.uploadFile({ cloudPath: pathOf(doc.attachments[0].fileId), fileContent: Buffer.from('%PDF-1.4 被替换的线路表') })
    await cloud.uploadFile({ cloudPath: pathOf(doc.body[0].fileId), fileContent: BYTES.png.subarray(0, 33) })
  })

  it('a replaced attachment is refused as 已损坏, never served', async () => {
    const r = await call(env, 'staff', 'file', { id, index: 0 })
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('已损坏') })
    expect(JSON.stringify(r)).not.toMatch(/http/)
  })

  it('a replaced body image is shown as damaged with no link', async () => {
    const shown = await ok(env, 'staff', 'get', { id })
    expect(shown.body[0]).toEqual({ type: 'image', damaged: true })
  })

  it('the damage is recorded once per file for the chair, and a correction answers it', async () => {
    await call(env, 'retiree', 'file', { id, index: 0 })
    const alerts = (await db.collection('notice_file_alerts').where({ noticeId: id }).get()).data
    expect(alerts.map((a: any) => a.name).sort()).toEqual(['正文图片', '线路表.pdf'])
    expect(alerts.every((a: any) => a.resolved === false && a.version === 1)).toBe(true)
    await ok(env, 'chair', 'correct', {
      id, version: 1, title: doc.title, body: body('线路见附件。'), reason: '附件损坏，重新上传',
      attachments: [{ fileId: await stage(env, 'pdf', BYTES.pdf), name: '线路表.pdf', size: 1 }],
    })
    expect((await db.collection('notice_file_alerts').where({ noticeId: id, resolved: false }).count()).total).toBe(0)
    expect(await fetchBytes((await ok(env, 'staff', 'file', { id, index: 0 })).url)).toEqual(BYTES.pdf)
  })
})

describe('created once', () => {
  it('the same request twice (a retry, a double tap) makes one draft; its staging files are already sealed', async () => {
    const requestId = rid()
    const input = { requestId, title: '重复提交测试', category: '校务', visibility: 'internal', body: body('x'), attachments: [{ fileId: await stage(env, 'pdf', BYTES.pdf), name: 'a.pdf', size: 1 }] }
    const [a, b] = await Promise.all([call(env, 'committee', 'createDraft', input), call(env, 'committee', 'createDraft', input)])
    const c = await call(env, 'committee', 'createDraft', input)
    expect([a, b, c].map((r) => r.ok)).toEqual([true, true, true])
    expect(new Set([a.data.id, b.data.id, c.data.id]).size).toBe(1)
    expect((await db.collection('notices').where({ title: '重复提交测试' }).count()).total).toBe(1)
    expect((await db.collection('audit_log').where({ action: 'notice.createDraft', 'target.id': a.data.id }).count()).total).toBe(1)
    // another committee member sending the same request id makes their own draft
    const other = await ok(env, 'chair', 'createDraft', { ...input, attachments: [] })
    expect(other.id).not.toBe(a.data.id)
  })
})
