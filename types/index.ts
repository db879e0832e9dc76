/**
 * Schemas shared by the app and the cloud functions (zod/mini: small enough for the main
 * package). The app must call `z.config({ jitless: true })` before parsing (WeChat forbids
 * `new Function`); nothing here runs at import beyond building schemas.
 */
export * from './result'
export * from './common'
export * from './role'
export * from './member'
export * from './notice'
export * from './activity'
export * from './opinion'
export * from './welfare'
export * from './money'
export * from './poll'
