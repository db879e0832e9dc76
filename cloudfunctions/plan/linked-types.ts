import type { ItemStatus } from '../../types/plan'

/** What an item shows of the record it follows. */
export interface Linked {
  id: string
  title: string
  status: ItemStatus
  cancelReason?: string
  /** Shanghai day the record is about (for the picker and the calendar) */
  when: string
}
