import cloud from 'wx-server-sdk'
import { makeMain } from '../_shared/dispatch'
import { setCallFunction } from './call-function'
import { routes } from './routes'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
setCallFunction((name, data) => cloud.callFunction({ name, data }) as Promise<unknown>)

export const main = makeMain(cloud, routes)
