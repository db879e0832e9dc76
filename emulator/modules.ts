import type { ActionRegistration, RouteRegistration } from './registry'
import type { LocalCloud, LocalCloudOptions } from './server'

/**
 * A part of the local cloud: the database endpoint, the function runner, storage, openapi
 * stand-ins, the h5 gateway. Each owns its folder under emulator/ and plugs in here.
 */
export interface LocalCloudModule {
  name: string
  actions?: ActionRegistration[]
  routes?: RouteRegistration[]
  /** before the server listens */
  start?(options: LocalCloudOptions): Promise<void>
  /** after the server listens (the cloud's URL is known) */
  attach?(cloud: LocalCloud): Promise<void>
  stop?(): Promise<void>
}

export async function loadModules(): Promise<LocalCloudModule[]> {
  const { databaseModule } = await import('./db/module')
  const { functionsModule } = await import('./functions/module')
  const { storageModule } = await import('./storage/module')
  const { openapiModule } = await import('./openapi/module')
  const { gatewayModule } = await import('./gateway/module')
  const { devModule } = await import('./dev/module')
  return [databaseModule(), functionsModule(), storageModule(), openapiModule(), gatewayModule(), devModule()]
}
