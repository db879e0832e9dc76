import { Cron } from 'croner'
import type { FunctionBundle, TimerTrigger } from './catalog'

/** WeChat timer triggers run on Beijing time. */
const TIMEZONE = 'Asia/Shanghai'

/** The event a WeChat timer trigger hands to main(). */
export function timerEvent(trigger: TimerTrigger, at = new Date()): { Type: 'Timer'; TriggerName: string; Time: string } {
  return { Type: 'Timer', TriggerName: trigger.name, Time: at.toISOString().replace(/\.\d{3}Z$/, 'Z') }
}

/** WeChat's 7th field (year) has no croner equivalent; it is checked when the job fires. */
export function yearMatches(field: string, year: number): boolean {
  return field.split(',').some((part) => {
    const [range, stepText] = part.split('/')
    const step = stepText ? Number(stepText) : 1
    if (range === '*') return (year - 1970) % step === 0
    const [from, to] = range.split('-').map(Number)
    const end = to ?? (stepText ? 2099 : from)
    return year >= from && year <= end && (year - from) % step === 0
  })
}

export function parseWeChatCron(config: string): { pattern: string; year: string } {
  const fields = config.trim().split(/\s+/)
  if (fields.length !== 7) throw new Error(`timer config "${config}" must have 7 fields: sec min hour day month week year`)
  return { pattern: fields.slice(0, 6).join(' '), year: fields[6] }
}

/** Schedules every timer trigger of the given bundles; returns a stop function. */
export function scheduleTimers(bundles: FunctionBundle[], fire: (bundle: FunctionBundle, trigger: TimerTrigger) => void): () => void {
  const jobs: Cron[] = []
  for (const bundle of bundles) {
    for (const trigger of bundle.triggers) {
      let parsed: { pattern: string; year: string }
      try {
        parsed = parseWeChatCron(trigger.config)
      } catch (err: any) {
        console.error(`[local-cloud] ${bundle.name}/${trigger.name}: ${err.message}`)
        continue
      }
      jobs.push(new Cron(parsed.pattern, { timezone: TIMEZONE, unref: true }, () => {
        const year = Number(new Intl.DateTimeFormat('en', { timeZone: TIMEZONE, year: 'numeric' }).format(new Date()))
        if (yearMatches(parsed.year, year)) fire(bundle, trigger)
      }))
    }
  }
  return () => { for (const j of jobs) j.stop() }
}
