/**
 * The figures every output of a result shares — the notice, the Word report and the Excel file
 * print the same rows from here, so they cannot disagree.
 */
import {
  candidateStatusLabels, criterionLabels, gradeLabels, grades, itemLabels, majorityLabels, percent, pollKindLabels, ruleBaseLabels,
  voteChoiceLabels, type GradeCounts, type PollResults,
} from '../../types/poll'
import { formatShanghai } from '../_shared/time'

/** "12（40.0%）": a count with its share. */
export const countWithShare = (n: number, base: number) => `${n}（${percent(n, base)}）`

export function headline(r: PollResults): string[] {
  const lines = [
    `${pollKindLabels[r.kind]}“${r.title}”${r.round > 1 ? `（第 ${r.round} 轮）` : ''}于 ${formatShanghai(new Date(r.closedAt))} 结束。`,
    `在册人数 ${r.rosterSize} 人，参评（投票）人数 ${r.ballots} 人，参评率 ${percent(r.ballots, r.rosterSize)}；`
      + `法定人数为${majorityLabels[r.quorum.rule]}（至少 ${r.quorum.needed} 人），${r.quorum.met ? '已达到，结果有效' : '未达到，本次投票无效'}。`,
    `回执 ${r.receipts} 份（其中评议码 ${r.slipsUsed} 张已使用），选票 ${r.ballots} 张，选票数不超过回执数：${r.ballots <= r.receipts ? '核对无误' : '不符，请核查'}。`,
  ]
  if (r.outcome === 'valid' && r.kind !== 'appraisal') {
    lines.push(`${r.kind === 'election' ? '当选' : '通过'}须得票${majorityLabels[r.rule.majority]}（以${ruleBaseLabels[r.rule.base]}计，至少 ${r.rule.needed} 票）。`)
  }
  return lines
}

/** 优秀率 and 称职率 as the 民主测评 form defines them: shares of the ballots that graded the subject. */
export function rates(c: GradeCounts, graded: number): { excellent: string; competent: string } {
  return { excellent: percent(c.excellent, graded), competent: percent(c.excellent + c.competent, graded) }
}

export interface Table {
  header: string[]
  rows: string[][]
}

/** The official 民主测评 table: 测评对象, 各等次票数及百分比, 优秀率, 称职率（优秀+称职）. */
export function appraisalTable(r: PollResults, withUnknown: boolean): Table {
  const shown = grades.filter((g) => g !== 'unknown' || withUnknown)
  return {
    header: ['测评对象', ...shown.map((g) => gradeLabels[g]), '优秀率', '称职率'],
    rows: (r.appraisal ?? []).map((row) => {
      const rate = rates(row.counts, row.graded)
      return [row.note ? `${row.name}（${row.note}）` : row.name, ...shown.map((g) => countWithShare(row.counts[g], r.ballots)), rate.excellent, rate.competent]
    }),
  }
}

export function criteriaTable(r: PollResults): Table | null {
  const rows = (r.appraisal ?? []).flatMap((row) => (row.criteria ?? []).map((c) =>
    [row.name, criterionLabels[c.key], ...grades.map((g) => String(c.counts[g]))]))
  return rows.length ? { header: ['测评对象', '项目', ...grades.map((g) => gradeLabels[g])], rows } : null
}

export function electionTable(r: PollResults): Table {
  return {
    header: [itemLabels.election.item, '得票', '得票率', '结果'],
    rows: (r.election?.rows ?? []).map((row) => [row.name, String(row.votes), percent(row.votes, r.ballots), candidateStatusLabels[row.status]]),
  }
}

export function voteTable(r: PollResults): Table {
  return {
    header: [itemLabels.vote.item, voteChoiceLabels.for, voteChoiceLabels.against, voteChoiceLabels.abstain, '结果'],
    rows: (r.vote ?? []).map((row) => [row.name, countWithShare(row.for, r.ballots), countWithShare(row.against, r.ballots), countWithShare(row.abstain, r.ballots), row.passed ? '通过' : '未通过']),
  }
}

export function resultTables(r: PollResults, withUnknown: boolean): Table[] {
  if (r.outcome !== 'valid') return []
  if (r.kind === 'appraisal') return [appraisalTable(r, withUnknown), ...[criteriaTable(r)].filter((t): t is Table => !!t)]
  return [r.kind === 'election' ? electionTable(r) : voteTable(r)]
}

export function conclusion(r: PollResults): string | null {
  if (r.outcome !== 'valid') return null
  if (r.kind === 'election') {
    const elected = (r.election?.rows ?? []).filter((x) => x.status === 'elected').map((x) => x.name)
    const runoff = (r.election?.rows ?? []).filter((x) => x.status === 'runoff').map((x) => x.name)
    return `应选 ${r.seats} 人，当选：${elected.length ? elected.join('、') : '无'}。${runoff.length ? `${runoff.join('、')} 进入下一轮，补选 ${r.election!.runoffSeats} 人。` : ''}`
  }
  if (r.kind === 'vote') return `通过：${(r.vote ?? []).filter((v) => v.passed).map((v) => v.name).join('、') || '无'}。`
  return null
}
