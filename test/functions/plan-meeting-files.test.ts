/**
 * A meeting's 照片和附件: staged uploads checked by their bytes and kept by content at
 * meeting-files/<sha256>.<ext> (staging copies deleted); a bad file writes nothing; an edit keeps the
 * files it sends back and refuses a sealed file the meeting does not hold; the 台帐 files them beside
 * the record. Meetings and files made through the functions.
 */
import { createHash, randomBytes } from 'node:crypto'
import JSZip from 'jszip'
import { seededEnv } from './helpers'
import { BYTES, bytesAt, uploadTo } from './notice-support'
import { buildArchive, day, memberId, must, plan, rid } from './plan-support'

let env: string
let committeeId: string
beforeAll(async () => {
  ;({ env } = await seededEnv('plan-meeting-files'))
  committeeId = await memberId(env, 'committee')
})

const staged = (ext: string, content: Buffer) => uploadTo(env, `uploads/plan/${randomBytes(10).toString('hex')}.${ext}`, content)
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const YEAR = Number(day(0).slice(0, 4))
const meeting = (files: unknown[]) => ({
  requestId: rid(), type: '教职工大会', date: day(-1), place: '礼堂', attendeeIds: [committeeId], agenda: ['学期工作布置'], minutes: '', files,
})

it('keeps photos and documents by content, deletes the staging copies and shows them with links', async () => {
  const png = await staged('png', BYTES.png)
  const pdf = await staged('pdf', BYTES.pdf)
  const input = meeting([{ fileId: png, name: '会场.png', size: BYTES.png.length }, { fileId: pdf, name: '会议材料.pdf', size: BYTES.pdf.length }])
  // Four taps at once: one meeting, and every tap answers with it (a later tap finds the staged files
  // already sealed and deleted by the first — the CI run once saw that answered as 文件不存在).
  const [a, ...others] = await Promise.all(Array.from({ length: 4 }, () => must(env, 'committee', 'plan', 'recordMeeting', input)))
  for (const o of others) expect(o.id).toBe(a.id)
  expect(a.files.map((f: any) => f.name)).toEqual(['会场.png', '会议材料.pdf'])
  expect(a.files[1].fileId).toMatch(new RegExp(`/meeting-files/${sha(BYTES.pdf)}\\.pdf$`))
  expect(a.files.every((f: any) => typeof f.url === 'string')).toBe(true)
  await expect(bytesAt(env, pdf)).rejects.toBeTruthy()
  // A retry after the staging copies are gone answers with the meeting.
  expect((await must(env, 'committee', 'plan', 'recordMeeting', input)).id).toBe(a.id)

  // An edit keeps what it sends back, adds a new one, drops what it leaves out.
  const xlsx = await staged('xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]))
  const edited = await must(env, 'committee', 'plan', 'editMeeting', {
    ...input, id: a.id, revision: a.revision, files: [{ fileId: a.files[1].fileId, name: '会议材料.pdf', size: 1 }, { fileId: xlsx, name: '签到表.xlsx', size: 104 }],
  })
  expect(edited.files.map((f: any) => f.name)).toEqual(['会议材料.pdf', '签到表.xlsx'])

  // The 台帐 files them beside the record.
  const { out } = await buildArchive(env, YEAR)
  const zip = await JSZip.loadAsync(Buffer.from(await (await fetch(out.url)).arrayBuffer()))
  const folder = `${YEAR}年工会台帐/03-会议记录/${day(-1)} 教职工大会 附件/`
  expect(Object.keys(zip.files).filter((n) => n.startsWith(folder) && !zip.files[n].dir).sort()).toEqual([`${folder}会议材料.pdf`, `${folder}签到表.xlsx`])
  expect(await zip.file(`${folder}会议材料.pdf`)!.async('nodebuffer')).toEqual(BYTES.pdf)
}, 120_000)

it('refuses a renamed program and a sealed file of another meeting, writing nothing', async () => {
  const before = (await must(env, 'committee', 'plan', 'meetings', { year: YEAR, page: 1 })).total
  const exe = await staged('pdf', BYTES.exe)
  expect(await plan(env, 'committee', 'recordMeeting', meeting([{ fileId: exe, name: '材料.pdf', size: BYTES.exe.length }])))
    .toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('材料.pdf') })
  const foreign = `cloud://${env}/meeting-files/${sha(Buffer.from('not ours'))}.pdf`
  expect(await plan(env, 'committee', 'recordMeeting', meeting([{ fileId: foreign, name: '别人的.pdf', size: 10 }])))
    .toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('不属于这次会议') })
  expect(await plan(env, 'committee', 'recordMeeting', meeting([{ fileId: 'cloud://x/notice-files/abc.pdf', name: 'a.pdf', size: 10 }])))
    .toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('照片和附件') })
  expect((await must(env, 'committee', 'plan', 'meetings', { year: YEAR, page: 1 })).total).toBe(before)
})
