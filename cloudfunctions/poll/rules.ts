/**
 * What a poll and a ballot must be, beyond their schemas: rules that depend on the kind of
 * poll. Each refusal is a Chinese sentence naming the field as the form does; nothing is
 * written before these pass.
 */
import { criteria as CRITERIA, itemLabels, type Ballot, type Grade, type PollEditable } from '../../types/poll'
import { AppError } from '../_shared/errors'
import type { PollDoc, StoredChoices, StoredItem } from './documents'

const bad = (message: string) => new AppError('BAD_INPUT', message)

/** The latest a planned end may be: a poll runs at most this long. */
const MAX_RUN_DAYS = 60

/** Checks an edited draft and returns its items with their ids ('i1', 'i2' … in the listed order). */
export function checkEditable(input: PollEditable, now: Date, runoff = false): StoredItem[] {
  const label = itemLabels[input.kind]
  const closesAt = new Date(input.closesAt)
  if (Number.isNaN(closesAt.getTime())) throw bad('截止时间的格式不对，请重新选择')
  if (closesAt.getTime() > now.getTime() + MAX_RUN_DAYS * 86_400_000) throw bad(`截止时间最晚为 ${MAX_RUN_DAYS} 天后`)
  const names = input.items.map((it) => it.name)
  const twice = names.find((n, i) => names.indexOf(n) !== i)
  if (twice) throw bad(`${label.item}“${twice}”重复了，请删去一个`)
  if (input.kind === 'election') {
    if (input.items.length < 2) throw bad('评选至少需要 2 位候选人')
    if (input.seats >= input.items.length) throw bad(`应选人数（${input.seats}）要少于候选人数（${input.items.length}），差额评选才有选择`)
  }
  const e = input.electorate
  if (runoff) return input.items.map((it, i) => ({ id: `i${i + 1}`, name: it.name, note: it.note }))
  if (e.kind === 'departments' && e.departments.length === 0) throw bad('请至少选择一个部门')
  if (e.kind === 'members' && e.memberIds.length === 0) throw bad('请至少选择一位投票人')
  if (e.kind === 'delegates' && !e.sessionId) throw bad('请选择教代会届次')
  if (e.kind === 'runoff') throw bad('“与上一轮相同”只用于第二轮投票')
  return input.items.map((it, i) => ({ id: `i${i + 1}`, name: it.name, note: it.note }))
}

/** A ballot as the voter filled it → the stored choices, aligned with the poll's items. */
export function checkBallot(poll: PollDoc, ballot: Ballot): StoredChoices {
  const index = new Map(poll.items.map((it, i) => [it.id, i]))
  if (poll.kind === 'appraisal') return appraisalChoices(poll, ballot, index)
  if (poll.kind === 'election') {
    const picks = [...new Set(ballot.picks)]
    if (picks.length !== ballot.picks.length) throw bad('同一位候选人只能选一次')
    if (picks.some((id) => !index.has(id))) throw bad('选票上有不在本次名单中的候选人，请刷新后重新填写')
    if (picks.length > poll.seats) throw bad(`最多选 ${poll.seats} 人，你选了 ${picks.length} 人`)
    return { picks: picks.sort((a, b) => index.get(a)! - index.get(b)!) }
  }
  const votes = poll.items.map((it) => ballot.votes.filter((v) => v.itemId === it.id))
  const missing = poll.items.find((_it, i) => votes[i].length === 0)
  if (missing) throw bad(`请对“${missing.name}”表决（赞成、反对或弃权）`)
  if (votes.some((v) => v.length > 1) || ballot.votes.length !== poll.items.length) throw bad('每个事项只能表决一次，请刷新后重新填写')
  return { votes: votes.map((v) => v[0].choice) }
}

function appraisalChoices(poll: PollDoc, ballot: Ballot, index: Map<string, number>): StoredChoices {
  if (ballot.grades.some((g) => !index.has(g.itemId))) throw bad('选票上有不在本次名单中的测评对象，请刷新后重新填写')
  const rows = poll.items.map((it) => ballot.grades.filter((g) => g.itemId === it.id))
  const missing = poll.items.find((_it, i) => rows[i].length === 0)
  if (missing) throw bad(`还没有评价“${missing.name}”：每位测评对象都要评价后才能提交`)
  if (rows.some((r) => r.length > 1)) throw bad('每位测评对象只能评价一次，请刷新后重新填写')
  const allowed = (g: Grade) => g !== 'unknown' || poll.allowUnknown
  const out: StoredChoices = { grades: [], ...(poll.criteria ? { criteria: [] } : {}), ...(poll.comments ? { comments: [] } : {}) }
  poll.items.forEach((it, i) => {
    const row = rows[i][0]
    if (!allowed(row.grade)) throw bad(`本次测评不设“不了解”，请为“${it.name}”选择一个等次`)
    out.grades!.push(row.grade)
    if (poll.criteria) {
      const c = row.criteria ?? []
      if (c.length !== CRITERIA.length) throw bad(`请为“${it.name}”的德、能、勤、绩、廉逐项评价`)
      if (!c.every(allowed)) throw bad(`本次测评不设“不了解”，请为“${it.name}”的每一项选择等次`)
      out.criteria!.push(c)
    }
    if (poll.comments) out.comments!.push(row.comment ?? '')
    else if (row.comment) throw bad('本次测评不收评语')
  })
  return out
}
