import { selfRoutes } from './self'
import { joinRoutes } from './join'
import { adminRoutes } from './admin'
import { rosterRoutes } from './roster'
import { exportRoutes } from './export'
import { auditRoutes } from './audit-log'

/** Members, roles and joining: every action of the member function, by job. */
export const routes = {
  ...selfRoutes,
  ...joinRoutes,
  ...adminRoutes,
  ...rosterRoutes,
  ...exportRoutes,
  ...auditRoutes,
}
