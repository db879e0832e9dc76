/**
 * The ballot engine through the function runner and the real SDK: drafts (idempotent create,
 * revisions), opening (frozen roster, fingerprint), casting (one ballot, refusals that write
 * nothing), turnout without tallies, closing, exact results against an independent count,
 * verification by tracker, reports and the results notice.
 */
import crypto from 'node:crypto'
import { newEnvName, sdkFor } from '../support/cloud'
import { addChair, addPeople, appraisalDraft, call, expectOneBallotEach, gradesBallot, must, openedPoll, requestId, rowsOf, type Person } from './poll-support'

jest.setTimeout(180_000)

const env = newEnvName('poll')
const { db } = sdkFor(env)
let chair: Person
let voters: Person[]

beforeAll(async () => {
  chair = await addChair(db, 'p')
  voters = await addPeople(db, 'p', 9)
})

const grades = ['excellent', 'competent', 'basic', 'incompetent', 'unknown'] as const

describe('drafts', () => {
  it('creates once per request id, however often the form is sent', async () => {
    const rid = requestId()
    const answers = await Promise.all([1, 2, 3].map(() => call(env, chair.openid, 'save', { ...appraisalDraft({ title: '一次创建' }), requestId: rid })))
    expect(answers.every((a) => a.ok)).toBe(true)
    expect(new Set(answers.map((a) => a.data.id)).size).toBe(1)
    expect(answers[0].data.id).toMatch(/^[0-9a-f]{32}$/)
    expect((await db.collection('polls').where({ title: '一次创建' }).count()).total).toBe(1)
  })

  it('edits a draft against the revision read, and refuses a stale edit', async () => {
    const saved = await must(env, chair.openid, 'save', { ...appraisalDraft({ title: '修改测试' }), requestId: requestId() })
    const edited = await must(env, chair.openid, 'save', { ...appraisalDraft({ title: '修改测试（改）' }), id: saved.id, revision: saved.revision })
    expect(edited.revision).toBe(saved.revision + 1)
    const stale = await call(env, chair.openid, 'save', { ...appraisalDraft({ title: '过期的修改' }), id: saved.id, revision: saved.revision })
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', message: '已被他人修改，请刷新后重试' })
    expect((await db.collection('polls').doc(saved.id).get()).data.title).toBe('修改测试（改）')
  })

  it('names bad fields in Chinese and writes nothing', async () => {
    const before = (await db.collection('polls').count()).total
    const noTitle = await call(env, chair.openid, 'save', { ...appraisalDraft({ title: '  ' }), requestId: requestId() })
    expect(noTitle).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(noTitle.message).toContain('请填写标题')
    const twice = await call(env, chair.openid, 'save', { ...appraisalDraft({ items: [{ name: '谢琳' }, { name: '谢琳' }] }), requestId: requestId() })
    expect(twice.message).toContain('测评对象“谢琳”重复了')
    const seats = await call(env, chair.openid, 'save', { kind: 'election', title: '评选', closesAt: new Date(Date.now() + 86_400_000).toISOString(), seats: 2, items: [{ name: '甲' }, { name: '乙' }], electorate: { kind: 'all' }, requestId: requestId() })
    expect(seats.message).toContain('应选人数（2）要少于候选人数（2）')
    expect((await db.collection('polls').count()).total).toBe(before)
  })
})

describe('a 民主测评 from opening to results', () => {
  let poll: any
  const trackers = new Map<string, string>()
  const cast = new Map<string, string[]>()
  let late: Person

  beforeAll(async () => {
    poll = await openedPoll(env, chair, appraisalDraft({ title: '年度述职测评' }))
    late = (await addPeople(db, 'late', 1))[0]
  })

  it('freezes the roster at opening: its size and the sha256 fingerprint of the sorted member ids', async () => {
    const everyone = (await db.collection('members').where({ membership: 'approved' }).limit(1000).get()).data.map((m: any) => m._id).filter((id: string) => id !== late.memberId)
    expect(poll.state).toBe('open')
    expect(poll.electorate.size).toBe(everyone.length)
    const hex = crypto.createHash('sha256').update([...everyone].sort().join('\n')).digest('hex').slice(0, 16)
    expect(poll.electorate.fingerprint.replace(/ /g, '')).toBe(hex)
    // A member who joined after opening is not on the roster and cannot vote.
    const refused = await call(env, late.openid, 'cast', { id: poll.id, ballot: gradesBallot(poll.items, 'excellent') })
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '你不在本次投票的名单中' })
    expect((await rowsOf(db, 'poll_ballots', poll.id)).length).toBe(poll.electorate.size)
  })

  it('refuses an incomplete or forged ballot with a clear message and writes nothing', async () => {
    const who = voters[0]
    const partial = await call(env, who.openid, 'cast', { id: poll.id, ballot: { grades: [{ itemId: poll.items[0].id, grade: 'excellent' }] } })
    expect(partial).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(partial.message).toContain(`还没有评价“${poll.items[1].name}”`)
    const forged = await call(env, who.openid, 'cast', { id: poll.id, ballot: { grades: [...gradesBallot(poll.items, 'competent').grades, { itemId: 'i99', grade: 'excellent' }] } })
    expect(forged.message).toContain('不在本次名单中')
    const badGrade = await call(env, who.openid, 'cast', { id: poll.id, ballot: { grades: poll.items.map((it: any) => ({ itemId: it.id, grade: 'perfect' })) } })
    expect(badGrade.message).toContain('等次不是可选的值')
    expect(await rowsOf(db, 'poll_receipts', poll.id)).toHaveLength(0)
    expect((await rowsOf(db, 'poll_ballots', poll.id)).every((b) => b.state === 'empty')).toBe(true)
  })

  it('takes one ballot per member, gives each a tracker, and refuses a second one', async () => {
    for (const [i, who] of [chair, ...voters.slice(0, 7)].entries()) {
      const chosen = poll.items.map((_it: any, k: number) => grades[(i + k) % 4])
      const r = await must(env, who.openid, 'cast', { id: poll.id, ballot: { grades: poll.items.map((it: any, k: number) => ({ itemId: it.id, grade: chosen[k], comment: `评语${i}` })) } })
      expect(r.tracker).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
      trackers.set(who.memberId, r.tracker)
      cast.set(who.memberId, chosen)
    }
    const again = await call(env, voters[0].openid, 'cast', { id: poll.id, ballot: gradesBallot(poll.items, 'excellent') })
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT', message: '你已投过票，每人只能投一次' })
    await expectOneBallotEach(db, poll.id)
  })

  it('shows turnout (receipts / electorate) while open, and no result to anyone', async () => {
    const d = await must(env, voters[8].openid, 'detail', { id: poll.id })
    expect(d.turnout).toEqual({ receipts: 8, rosterSize: poll.electorate.size })
    expect(d.me).toEqual({ eligible: true, voted: false })
    for (const who of [chair, voters[0]]) {
      const r = await call(env, who.openid, 'results', { id: poll.id })
      expect(r).toMatchObject({ ok: false, code: 'CONFLICT', message: '投票结束后才能看到结果' })
    }
    const missing = await must(env, chair.openid, 'nonVoters', { id: poll.id, page: 1 })
    expect(missing.total).toBe(poll.electorate.size - 8)
    expect(missing.items.map((m: any) => m.memberId)).not.toContain(voters[0].memberId)
  })

  it('closes once, counts exactly, and lets each voter find their ballot by tracker', async () => {
    const closed = await Promise.all([must(env, chair.openid, 'close', { id: poll.id }), must(env, chair.openid, 'close', { id: poll.id })])
    expect(closed.map((c) => c.state)).toEqual(['closed', 'closed'])
    expect((await db.collection('audit_log').where({ action: 'poll.close', 'target.id': poll.id }).count()).total).toBe(1)
    const late = await call(env, voters[8].openid, 'cast', { id: poll.id, ballot: gradesBallot(poll.items, 'excellent') })
    expect(late).toMatchObject({ ok: false, code: 'CONFLICT', message: '投票已经结束' })

    const r = await must(env, voters[3].openid, 'results', { id: poll.id })
    expect(r).toMatchObject({ outcome: 'valid', ballots: 8, receipts: 8, rosterSize: poll.electorate.size })
    // Independent count: straight from what each voter chose.
    poll.items.forEach((it: any, k: number) => {
      const expected = Object.fromEntries(grades.map((g) => [g, [...cast.values()].filter((c) => c[k] === g).length]))
      const row = r.appraisal.find((a: any) => a.itemId === it.id)
      expect(row.counts).toEqual(expected)
      expect(row.graded).toBe(8 - expected.unknown)
    })
    for (const [memberId, tracker] of trackers) {
      const found = await must(env, voters[5].openid, 'findBallot', { id: poll.id, tracker: tracker.toLowerCase().replace(/(....)/, '$1-') })
      expect(found.found).toBe(true)
      expect(found.ballot.grades).toEqual(cast.get(memberId))
    }
    const list = await must(env, voters[5].openid, 'ballots', { id: poll.id, page: 1 })
    expect(list.total).toBe(8)
    expect(new Set(list.items.map((b: any) => b.tracker))).toEqual(new Set(trackers.values()))
  })

  it('shows comments only for subjects graded on at least 5 ballots', async () => {
    const r = await must(env, chair.openid, 'results', { id: poll.id })
    for (const row of r.appraisal) {
      const page = await must(env, chair.openid, 'comments', { id: poll.id, itemId: row.itemId, page: 1 })
      if (row.graded >= 5) {
        expect(page.total).toBe(8)
        expect(row.comments).toBe(8)
      } else {
        expect(page.total).toBe(0)
        expect(row.commentsWithheld).toBe(true)
      }
    }
  })

  it('writes the Word report in the official table layout and an Excel workbook with the same figures', async () => {
    const r = await must(env, chair.openid, 'results', { id: poll.id })
    const word = await must(env, chair.openid, 'report', { id: poll.id, format: 'docx' })
    const xml = await documentXml(word.url)
    for (const head of ['民主测评结果统计表', '在册人数', '参评人数', '优秀', '称职', '基本称职', '不称职', '票数', '百分比', '优秀率', '称职率', '监票人']) expect(xml).toContain(head)
    for (const row of r.appraisal) expect(xml).toContain(row.name)
    const excel = await must(env, chair.openid, 'report', { id: poll.id, format: 'xlsx' })
    const res = await fetch(excel.url)
    expect(res.ok).toBe(true)
    const ExcelJS = require('exceljs')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()))
    const trackersInSheet = book.getWorksheet('选票核对表').getColumn(1).values.slice(2)
    expect(new Set(trackersInSheet)).toEqual(new Set(trackers.values()))
  })

  it('publishes a results notice draft with a 公示期 that matches the count', async () => {
    const r = await must(env, chair.openid, 'results', { id: poll.id })
    const [a, b] = await Promise.all([
      call(env, chair.openid, 'publish', { id: poll.id, publicityDays: 5 }),
      call(env, chair.openid, 'publish', { id: poll.id, publicityDays: 5 }),
    ])
    const ids = [a, b].filter((x) => x.ok).map((x) => x.data.noticeId)
    expect(ids.length).toBeGreaterThanOrEqual(1)
    expect(new Set(ids).size).toBe(1)
    const notice = (await db.collection('notices').doc(ids[0]).get()).data
    expect(notice).toMatchObject({ state: 'draft', title: '年度述职测评结果公示' })
    expect(new Date(notice.publicityEnd).getTime() - new Date(notice.publicityStart).getTime()).toBe(5 * 86_400_000)
    const table = notice.body.find((blk: any) => blk.type === 'table')
    for (const row of r.appraisal) {
      const line = table.rows.find((x: string[]) => x[0].startsWith(row.name))
      expect(line[1]).toBe(`${row.counts.excellent}（${pct(row.counts.excellent, 8)}）`)
    }
    expect(notice.body.map((blk: any) => blk.text ?? '').join()).toContain(`参评（投票）人数 8 人`)
    expect((await db.collection('notices').where({ title: '年度述职测评结果公示' }).count()).total).toBe(1)
  })
})

function pct(n: number, d: number): string {
  return `${(Math.round((n * 1000) / d) / 10).toFixed(1)}%`
}

async function documentXml(url: string): Promise<string> {
  const JSZip = require('jszip')
  const zip = await JSZip.loadAsync(Buffer.from(await (await fetch(url)).arrayBuffer()))
  return zip.file('word/document.xml').async('string')
}

describe('electorates', () => {
  it('freezes 在职 only, chosen departments, chosen members; a removed member cannot vote', async () => {
    const active = await openedPoll(env, chair, appraisalDraft({ title: '在职', electorate: { kind: 'active' } }))
    const activeCount = (await db.collection('members').where({ membership: 'approved', status: '在职' }).count()).total
    expect(active.electorate.size).toBe(activeCount)
    const dept = await openedPoll(env, chair, appraisalDraft({ title: '语文组', electorate: { kind: 'departments', departments: ['语文组'] } }))
    expect(dept.electorate.size).toBe((await db.collection('members').where({ membership: 'approved', department: '语文组' }).count()).total)
    const chosen = await openedPoll(env, chair, appraisalDraft({ title: '指定', electorate: { kind: 'members', memberIds: [voters[1].memberId, voters[2].memberId, 'no-such-member'] } }))
    expect(chosen.electorate.size).toBe(2)
    await db.collection('members').doc(voters[2].memberId).update({ data: { membership: 'removed' } })
    const removed = await call(env, voters[2].openid, 'cast', { id: chosen.id, ballot: gradesBallot(chosen.items, 'competent') })
    expect(removed).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await rowsOf(db, 'poll_receipts', chosen.id)).toHaveLength(0)
    await db.collection('members').doc(voters[2].memberId).update({ data: { membership: 'approved' } })
  })

  it('freezes the active 代表 of a 教代会 session', async () => {
    const session = `s${crypto.randomBytes(4).toString('hex')}`
    await db.collection('congress_delegates').add({ data: [
      ...voters.slice(0, 4).map((v) => ({ _id: `${session}_${v.memberId}`, sessionId: session, memberId: v.memberId, name: v.name, constituency: '第一选区', state: 'active' })),
      { _id: `${session}_${voters[4].memberId}`, sessionId: session, memberId: voters[4].memberId, name: voters[4].name, constituency: '第一选区', state: 'removed' },
    ] })
    const p = await openedPoll(env, chair, appraisalDraft({ title: '代表测评', electorate: { kind: 'delegates', sessionId: session } }))
    expect(p.electorate.size).toBe(4)
    expect(p.quorum).toBe('twoThirds')
    const out = await call(env, voters[4].openid, 'cast', { id: p.id, ballot: gradesBallot(p.items, 'competent') })
    expect(out.code).toBe('FORBIDDEN')
  })
})
