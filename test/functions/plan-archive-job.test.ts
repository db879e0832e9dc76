/**
 * The 台帐 build is a job that any number of calls carry forward (archive.ts): one build per request,
 * one worker at a time, resumable after a worker dies, each file filed exactly once — and the year's
 * poll results and 教代会 proposal reports are filed by their own functions. Records made through the functions.
 */
import JSZip from 'jszip'
import { createdId } from '../../cloudfunctions/_shared/create-once'
import { persona } from '../../emulator/seed/personas'
import { sdkFor } from '../support/cloud'
import { seededEnv } from './helpers'
import { buildArchive, day, memberId, must, rid } from './plan-support'

let env: string
let db: ReturnType<typeof sdkFor>['db']
const YEAR = Number(day(0).slice(0, 4))

beforeAll(async () => {
  ;({ env } = await seededEnv('plan-archive-job'))
  db = sdkFor(env).db
  // A meeting made through the function, so the year has something of its own to file.
  await must(env, 'committee', 'plan', 'recordMeeting', {
    requestId: rid(), type: '工会委员会议', date: day(-1), place: '会议室', attendeeIds: [await memberId(env, 'committee')], agenda: ['台帐整理'], minutes: '',
  })
})

const fileNames = async (url: string) => {
  const zip = await JSZip.loadAsync(Buffer.from(await (await fetch(url)).arrayBuffer()))
  return Object.keys(zip.files).filter((n) => !zip.files[n].dir)
}

it('builds once however many taps carry it: five callers with one request id get one zip, each file once, one audit entry', async () => {
  const requestId = rid()
  const auditBefore = (await db.collection('audit_log').where({ action: 'plan.archive' }).count()).total
  const runs = await Promise.all(Array.from({ length: 5 }, () => buildArchive(env, YEAR, requestId)))
  const ids = new Set(runs.map((r) => r.out.fileId))
  expect(ids.size).toBe(1)
  // While one caller held the build, the others were told its progress at once.
  expect(runs.flatMap((r) => r.answers).some((a) => a.state === 'building')).toBe(true)
  const names = await fileNames(runs[0].out.url)
  expect(new Set(names).size).toBe(names.length)
  expect(names.filter((n) => /（\d+）\.docx$/.test(n))).toEqual([])
  expect(names.length).toBe(runs[0].out.files)
  expect((await db.collection('audit_log').where({ action: 'plan.archive' }).count()).total).toBe(auditBefore + 1)
  // Asking again with the finished request answers the same zip, without building anew.
  expect((await buildArchive(env, YEAR, requestId)).out.fileId).toBe(runs[0].out.fileId)
}, 180_000)

it('picks up a build whose worker died (kill -9) holding the lease once the lease runs out, and files every part once', async () => {
  const whole = await buildArchive(env, YEAR)
  const expected = (await fileNames(whole.out.url)).sort()
  const finished = (await db.collection('plan_archive_jobs').where({ 'result.fileId': whole.out.fileId }).get()).data[0]
  // What a worker killed right after taking a new build leaves: the job with its parts planned, none
  // recorded, and the dead worker's lease still running (the steps are the ones the function planned).
  const requestId = rid()
  const { _id: _finishedId, result: _result, ...planned } = finished
  await db.collection('plan_archive_jobs').add({
    data: { ...planned, _id: createdId(persona('chair').openid, 'plan.archive', requestId), state: 'building', next: 0, parts: [], leaseToken: 'killed', leaseUntil: new Date(Date.now() + 3000) },
  })
  expect(await must(env, 'chair', 'plan', 'archive', { year: YEAR, requestId })).toEqual({ state: 'building', done: 0, total: finished.steps.length + 1 })
  const resumed = await buildArchive(env, YEAR, requestId)
  expect(resumed.out.fileId).not.toBe(whole.out.fileId)
  expect((await fileNames(resumed.out.url)).sort()).toEqual(expected)
}, 180_000)

it('files each counted poll’s own result table and each 教代会 session’s 提案汇编 and 办理情况报告 of the year', async () => {
  const polls = (await db.collection('polls').where({ state: db.command.in(['closed', 'published']) }).get()).data
    .filter((p: any) => p.openedAt && new Date(p.openedAt).getUTCFullYear() === YEAR)
  const sessions = (await db.collection('congress_sessions').where({ meetingDate: db.command.gte(`${YEAR}-01-01`).and(db.command.lte(`${YEAR}-12-31`)) }).get()).data
  expect(polls.length + sessions.length).toBeGreaterThan(0)
  const { out } = await buildArchive(env, YEAR)
  const names = await fileNames(out.url)
  for (const p of polls) expect(names.some((n) => n.includes('/08-民主测评/') && n.endsWith('结果统计表.docx') && n.includes(p.title.slice(0, 10)))).toBe(true)
  for (const s of sessions) {
    expect(names.some((n) => n.includes('/10-教代会/') && n.includes(s.title.slice(0, 10)) && n.endsWith('提案汇编.docx'))).toBe(true)
    expect(names.some((n) => n.includes('/10-教代会/') && n.includes(s.title.slice(0, 10)) && n.endsWith('提案办理情况报告.docx'))).toBe(true)
  }
}, 180_000)
