import type { ItemStatus } from '../../types/plan'
import type { Query } from '../_shared/query'

/** One source of the calendar: its read (run with the others in one request), and its rows as days. */
export interface CalendarPart<T> {
  read: Query
  days(rows: any[]): T[]
}

/** How an item's links of one kind are read (`_id` among `ids`) and what each row shows. */
export interface LinkSource {
  read(ids: string[]): Query
  linked(row: any, now: Date): Linked
}

/** What an item shows of the record it follows. */
export interface Linked {
  id: string
  title: string
  status: ItemStatus
  cancelReason?: string
  /** Shanghai day the record is about (for the picker and the calendar) */
  when: string
}
