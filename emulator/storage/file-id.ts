/**
 * WeChat fileIDs: `cloud://<env>.<bucket>/<cloudPath>`, the bucket named as WeChat names it
 * (hex of the env's first two letters, the env, an app number), e.g.
 * `cloud://local.6c6f-local-1300000000/avatars/a.png`.
 */
const ENV = /^[A-Za-z0-9_-]{1,40}$/
const APP_NUMBER = '1300000000'

export interface StoredFile {
  env: string
  cloudPath: string
}

export function bucketFor(env: string): string {
  return `${Buffer.from(env.slice(0, 2)).toString('hex')}-${env}-${APP_NUMBER}`
}

export function fileIdFor(file: StoredFile): string {
  return `cloud://${file.env}.${bucketFor(file.env)}/${file.cloudPath}`
}

/**
 * A cloud path is a relative path of ordinary segments: no `..`, no empty segment, nothing that
 * would end a URL path. Anything else is refused rather than normalised.
 */
export function validCloudPath(cloudPath: string): boolean {
  if (!cloudPath || cloudPath.length > 850 || /[?#\\]/.test(cloudPath)) return false
  if ([...cloudPath].some((ch) => ch.charCodeAt(0) < 0x20)) return false
  return cloudPath.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..')
}

export function parseFileId(fileID: string): StoredFile | undefined {
  const m = /^cloud:\/\/([^./]+)\.([^/]+)\/(.+)$/.exec(fileID)
  if (!m || !ENV.test(m[1]) || !validCloudPath(m[3])) return undefined
  return { env: m[1], cloudPath: m[3] }
}

export function validEnv(env: string): boolean {
  return ENV.test(env)
}

/** A download link's path as the storage route sees it (the SDK encodeURI()s the link before fetching it). */
export function downloadPath(url: string): string {
  const { pathname } = new URL(url, 'http://127.0.0.1')
  try { return decodeURIComponent(pathname) } catch { return pathname }
}
