import cloud from 'wx-server-sdk'
import { makeMain } from '../_shared/dispatch'
import { routes } from './routes'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export const main = makeMain(cloud, routes)
