/**
 * Answer files: the 承办人 attaches images, PDF or Word to an answer. Each staged upload is checked by
 * its bytes and sealed at congress-answers/<sha256>.<ext> (staging copy deleted); every member sees
 * them on the proposal; the 办理情况报告 names them. A bad file writes nothing. Opening one hashes the
 * stored bytes again: a file replaced in storage is refused as 已损坏, never served.
 */
import { createHash, randomBytes } from 'node:crypto'
import { newEnvName, sdkFor } from '../support/cloud'
import { BYTES, bytesAt, uploadTo } from './notice-support'
import { call, detail, inDays, must, stage, step, submitted, type Stage } from './congress-support'

jest.setTimeout(120_000)

const env = newEnvName('congressfiles')
const { db } = sdkFor(env)
let st: Stage

beforeAll(async () => {
  st = await stage(env, db, 'f', 4)
})

const staged = (ext: string, content: Buffer, folder = 'congress') => uploadTo(env, `uploads/${folder}/${randomBytes(10).toString('hex')}.${ext}`, content)
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

async function assigned(title: string): Promise<string> {
  const [p, a, b] = st.delegates
  const x = await submitted(st, p, [a, b], title)
  await must(env, st.committee[0], 'decide', { id: x.id, revision: x.revision, decision: 'accept' })
  await step(st, st.committee[0], 'assign', x.id, { handlerId: st.handler.memberId, office: '后勤处', dueDate: inDays(10) })
  return x.id
}

describe('answer files', () => {
  it('seals the files by content, deletes the staging copies, and shows them to every member and in the report', async () => {
    const id = await assigned('关于改造教师休息室的提案')
    const pdf = await staged('pdf', BYTES.pdf)
    const png = await staged('png', BYTES.png)
    const d = await detail(st, st.handler, id)
    await must(env, st.handler, 'answer', {
      id, revision: d.revision, answerClass: 'A', text: '已完成改造，见方案和照片。',
      files: [{ fileId: pdf, name: '休息室改造方案.pdf', size: BYTES.pdf.length }, { fileId: png, name: '改造后.png', size: BYTES.png.length }],
    })
    await expect(bytesAt(env, pdf)).rejects.toBeTruthy()

    const raw = (await db.collection('congress_proposals').doc(id).get()).data
    const stored = (Array.isArray(raw) ? raw[0] : raw).answers[0].files
    expect(stored[0]).toMatchObject({ name: '休息室改造方案.pdf', sha256: sha(BYTES.pdf), size: BYTES.pdf.length })
    expect(stored[0].fileId).toMatch(new RegExp(`/congress-answers/${sha(BYTES.pdf)}\\.pdf$`))

    await step(st, st.committee[0], 'reviewAnswer', id, { approve: true })
    const seen = await detail(st, st.outsider, id)
    expect(seen.answers[0].files.map((f: any) => [f.name, f.kind])).toEqual([['休息室改造方案.pdf', 'pdf'], ['改造后.png', 'png']])
    expect(JSON.stringify(seen)).not.toMatch(/http/) // links are handed out one file at a time, after the hash check
    const link = await must(env, st.outsider, 'answerFile', { id, round: 1, index: 0 })
    expect(link).toMatchObject({ name: '休息室改造方案.pdf', kind: 'pdf' })
    const body = Buffer.from(await (await fetch(encodeURI(link.url))).arrayBuffer())
    expect(body).toEqual(BYTES.pdf)

    const r = await must(env, st.committee[0], 'exportRecords', { sessionId: st.sessionId, kind: 'report' })
    const JSZip = require('jszip')
    const xml = await (await JSZip.loadAsync(Buffer.from(await (await fetch(r.url)).arrayBuffer()))).file('word/document.xml').async('string')
    expect(xml).toContain('答复附件：休息室改造方案.pdf、改造后.png')
  })

  it('refuses a file whose bytes are not its type, or one not staged for 教代会, and writes nothing', async () => {
    const id = await assigned('关于增加饮水点的提案')
    const d = await detail(st, st.handler, id)
    const exe = await staged('pdf', BYTES.exe)
    const fake = await call(env, st.handler, 'answer', { id, revision: d.revision, answerClass: 'A', text: '已增加。', files: [{ fileId: exe, name: '方案.pdf', size: BYTES.exe.length }] })
    expect(fake).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(fake.message).toContain('附件“方案.pdf”的内容与文件类型不符')
    const elsewhere = await staged('pdf', BYTES.pdf, 'notice')
    const other = await call(env, st.handler, 'answer', { id, revision: d.revision, answerClass: 'A', text: '已增加。', files: [{ fileId: elsewhere, name: '方案.pdf', size: 10 }] })
    expect(other).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(other.message).toContain('答复附件')
    const sheet = await call(env, st.handler, 'answer', { id, revision: d.revision, answerClass: 'A', text: '已增加。', files: [{ fileId: await staged('xlsx', BYTES.pdf), name: '表.xlsx', size: 10 }] })
    expect(sheet).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(await detail(st, st.handler, id)).toMatchObject({ state: 'assigned', revision: d.revision, answers: [] })
  })
})

describe('answer files verified on read', () => {
  it('refuses a stored answer file replaced in storage, with a clear message and no link; the others still open', async () => {
    const id = await assigned('关于更新办公电脑的提案')
    const pdf = await staged('pdf', BYTES.pdf)
    const png = await staged('png', BYTES.png)
    const d = await detail(st, st.handler, id)
    await must(env, st.handler, 'answer', {
      id, revision: d.revision, answerClass: 'B', text: '分两批更新，清单见附件。',
      files: [{ fileId: pdf, name: '更新清单.pdf', size: BYTES.pdf.length }, { fileId: png, name: '机房.png', size: BYTES.png.length }],
    })
    const raw = (await db.collection('congress_proposals').doc(id).get()).data
    const stored = (Array.isArray(raw) ? raw[0] : raw).answers[0].files
    // Someone with storage access (not the app: clients cannot write there) replaces the sealed PDF.
    const { cloud } = sdkFor(env)
    await cloud.uploadFile({ cloudPath: stored[0].fileId.replace(/^cloud:\/\/[^/]+\//, ''), fileContent: Buffer.from('%PDF-1.4 被替换的清单') })

    const r = await call(env, st.outsider, 'answerFile', { id, round: 1, index: 0 })
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT', message: '答复附件“更新清单.pdf”已损坏，无法打开；请告诉提案工作委员会，由承办人重新提供' })
    expect(JSON.stringify(r)).not.toMatch(/http/)
    expect(await must(env, st.outsider, 'answerFile', { id, round: 1, index: 1 })).toMatchObject({ name: '机房.png' })
    expect(await call(env, st.outsider, 'answerFile', { id, round: 1, index: 2 })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await call(env, st.outsider, 'answerFile', { id, round: 2, index: 0 })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})
