import { selfRoutes } from './self'
import { applyRoutes } from './apply'
import { joinRoutes } from './join'
import { adminRoutes } from './admin'
import { roleRoutes } from './roles'
import { changeRoutes } from './changes'
import { rosterRoutes } from './roster'
import { exportRoutes } from './export'
import { auditRoutes } from './audit-log'
import { deskRoutes } from './desk-route'
import { homeRoutes } from './home'

/** Members, roles and joining: every action of the member function, by job. */
export const routes = {
  ...selfRoutes,
  ...applyRoutes,
  ...joinRoutes,
  ...adminRoutes,
  ...roleRoutes,
  ...changeRoutes,
  ...rosterRoutes,
  ...exportRoutes,
  ...auditRoutes,
  ...deskRoutes,
  ...homeRoutes,
}
