import { disclosureRoutes } from './disclosure'
import { ledgerRoutes } from './ledger'
import { peopleRoutes } from './people'
import { planRoutes } from './plans'
import { reminderRoutes } from './reminders'
import { visitRoutes } from './visits'

/**
 * 慰问记录 (送温暖): visits, holiday plans, reminders, the ledger and 经费公开. Committee and
 * chair only (经费公开: chair); the timer action `remind` only from the platform trigger.
 */
export const routes = {
  ...ledgerRoutes,
  ...visitRoutes,
  ...peopleRoutes,
  ...planRoutes,
  ...reminderRoutes,
  ...disclosureRoutes,
}
