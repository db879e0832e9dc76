/**
 * The count, as a pure function: exact against an independent count of random ballots, and the
 * rules at their edges (quorum, majorities, ties and shortfalls that lead to a run-off).
 */
import { tally, type TallyPoll } from '../../../cloudfunctions/poll/tally'
import type { StoredChoices } from '../../../cloudfunctions/poll/documents'
import { grades, meets, needed, percent } from '../../../types/poll'

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const items = (n: number) => Array.from({ length: n }, (_v, i) => ({ id: `i${i + 1}`, name: `对象${i + 1}`, note: '' }))
const base = (kind: TallyPoll['kind'], n: number, over: Partial<TallyPoll> = {}): TallyPoll => ({
  kind, items: items(n), criteria: false, seats: 1, rule: { base: 'ballots', majority: 'half' }, quorum: 'half', ...over,
})

describe('测评 counts', () => {
  it('equal an independent count of 1,000 random ballots over 20 subjects, criteria included', () => {
    const rnd = random(20261122)
    const poll = base('appraisal', 20, { criteria: true })
    const ballots: StoredChoices[] = Array.from({ length: 1000 }, () => ({
      grades: poll.items.map(() => grades[Math.floor(rnd() * 5)]),
      criteria: poll.items.map(() => Array.from({ length: 5 }, () => grades[Math.floor(rnd() * 5)])),
      comments: poll.items.map(() => (rnd() < 0.1 ? '评语' : '')),
    }))
    const t = tally(poll, 1200, 1000, ballots)
    // Independent: one pass per (subject, grade) over a flattened list of strings.
    const flat = ballots.flatMap((b) => b.grades!.map((g, i) => `${i}:${g}`))
    poll.items.forEach((_it, i) => {
      for (const g of grades) expect(t.appraisal![i].counts[g]).toBe(flat.filter((x) => x === `${i}:${g}`).length)
      expect(t.appraisal![i].graded).toBe(flat.filter((x) => x.startsWith(`${i}:`) && x !== `${i}:unknown`).length)
      expect(t.appraisal![i].comments).toBe(ballots.filter((b) => b.comments![i] !== '').length)
      t.appraisal![i].criteria!.forEach((c, k) => {
        for (const g of grades) expect(c.counts[g]).toBe(ballots.filter((b) => b.criteria![i][k] === g).length)
      })
    })
    expect(t.ballots).toBe(1000)
    expect(t.quorumMet).toBe(true)
  })
})

describe('quorum', () => {
  it('more than half: exactly half is not enough, one more is', () => {
    const poll = base('vote', 1)
    const ballots = (n: number) => Array.from({ length: n }, (): StoredChoices => ({ votes: ['for'] }))
    expect(tally(poll, 10, 5, ballots(5)).quorumMet).toBe(false)
    expect(tally(poll, 10, 6, ballots(6)).quorumMet).toBe(true)
    expect(needed(10, 'half')).toBe(6)
  })

  it('two thirds (教代会): exactly two thirds is enough', () => {
    const poll = base('vote', 1, { quorum: 'twoThirds' })
    const ballots = (n: number) => Array.from({ length: n }, (): StoredChoices => ({ votes: ['for'] }))
    expect(tally(poll, 9, 6, ballots(6)).quorumMet).toBe(true)
    expect(tally(poll, 9, 5, ballots(5)).quorumMet).toBe(false)
    expect(tally(poll, 10, 7, ballots(7)).quorumNeeded).toBe(7)
    expect(meets(6, 10, 'twoThirds')).toBe(false)
  })
})

describe('票决', () => {
  const cast = (...choices: Array<'for' | 'against' | 'abstain'>) => choices.map((c): StoredChoices => ({ votes: [c] }))

  it('passes with more than half of the ballots; a tie does not pass', () => {
    const poll = base('vote', 1)
    expect(tally(poll, 10, 6, cast('for', 'for', 'for', 'against', 'against', 'abstain')).vote![0].passed).toBe(false)
    expect(tally(poll, 10, 7, cast('for', 'for', 'for', 'for', 'against', 'against', 'abstain')).vote![0]).toMatchObject({ for: 4, against: 2, abstain: 1, passed: true })
  })

  it('measured against the electorate, absent voters count against', () => {
    const poll = base('vote', 1, { rule: { base: 'electorate', majority: 'half' } })
    const t = tally(poll, 20, 9, cast(...Array(9).fill('for')))
    expect(t.vote![0].passed).toBe(false)
    expect(t.ruleNeeded).toBe(11)
  })
})

describe('评选', () => {
  const picks = (...lists: string[][]) => lists.map((p): StoredChoices => ({ picks: p }))
  const status = (t: ReturnType<typeof tally>) => Object.fromEntries(t.election!.rows.map((r) => [r.itemId, `${r.status}:${r.votes}`]))

  it('elects the candidates with more than half of the ballots, highest first, and counts blank ballots', () => {
    const poll = base('election', 4, { seats: 2 })
    const t = tally(poll, 5, 5, picks(['i1', 'i2'], ['i1', 'i2'], ['i1', 'i3'], ['i2'], []))
    expect(status(t)).toEqual({ i1: 'elected:3', i2: 'elected:3', i3: 'notElected:1', i4: 'notElected:0' })
    expect(t.election!.blank).toBe(1)
    expect(t.election!.runoffSeats).toBe(0)
  })

  it('sends a tie across the last seat to a run-off for the seats left', () => {
    const poll = base('election', 4, { seats: 2 })
    // i1 4, i2 3, i3 3 (all above half of 5): one seat is clear, the second is tied.
    const t = tally(poll, 5, 5, picks(['i1', 'i2'], ['i1', 'i3'], ['i1', 'i2'], ['i1', 'i3'], ['i2', 'i3']))
    expect(status(t)).toEqual({ i1: 'elected:4', i2: 'runoff:3', i3: 'runoff:3', i4: 'notElected:0' })
    expect(t.election!.runoffSeats).toBe(1)
  })

  it('on a shortfall, runs off the best-placed others: one more than the seats left, ties at the cut included', () => {
    const poll = base('election', 5, { seats: 2 })
    // 6 ballots: i1 4 (elected), i2 2, i3 2, i4 1, i5 0 → 1 seat left; 2 wanted; i2 and i3 tie at the cut.
    const t = tally(poll, 6, 6, picks(['i1', 'i2'], ['i1', 'i3'], ['i1', 'i4'], ['i1'], ['i2'], ['i3']))
    expect(status(t)).toEqual({ i1: 'elected:4', i2: 'runoff:2', i3: 'runoff:2', i4: 'notElected:1', i5: 'notElected:0' })
    expect(t.election!.runoffSeats).toBe(1)
    const t2 = tally(poll, 6, 6, picks(['i1', 'i2'], ['i1', 'i2'], ['i1', 'i4'], ['i1'], ['i2'], ['i3']))
    // i2 has 3 of 6 — exactly half is not more than half; i3 and i4 tie for the second run-off place.
    expect(status(t2)).toEqual({ i1: 'elected:4', i2: 'runoff:3', i3: 'runoff:1', i4: 'runoff:1', i5: 'notElected:0' })
  })

  it('with two thirds required, a candidate just under it is not elected', () => {
    const poll = base('election', 3, { seats: 1, rule: { base: 'ballots', majority: 'twoThirds' } })
    const t = tally(poll, 9, 9, picks(...Array(5).fill(['i1']), ...Array(4).fill(['i2'])))
    expect(t.election!.rows.find((r) => r.itemId === 'i1')!.status).toBe('runoff')
    expect(t.ruleNeeded).toBe(6)
  })
})

describe('percent', () => {
  it('rounds half up to one decimal from integers', () => {
    expect(percent(1, 3)).toBe('33.3%')
    expect(percent(2, 3)).toBe('66.7%')
    expect(percent(1, 8)).toBe('12.5%')
    expect(percent(1, 16)).toBe('6.3%')
    expect(percent(0, 0)).toBe('—')
    expect(percent(7, 7)).toBe('100.0%')
  })
})
