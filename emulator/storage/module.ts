import fs from 'node:fs'
import crypto from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { LocalCloudModule } from '../modules'
import { noteFileGone, type LocalCloud, type LocalCloudOptions } from '../server'
import { TcbError, type RouteRegistration, type TcbHandler } from '../registry'
import { PayloadError, readBody, sendJson } from '../http'
import { personaOpenid } from '../gateway/persona'
import { StorageRules } from './rules'
import { downloadPath, fileIdFor, parseFileId, validCloudPath, validEnv, type StoredFile } from './file-id'
import { FileStore } from './files'
import { sign, verify } from './signing'
import { contentTypeFor } from './content-type'

/** Seconds a temp URL lives when the caller gives no maxAge. */
const DEFAULT_MAX_AGE = 86_400
/** An upload URL is used at once by the SDK that asked for it. */
const UPLOAD_URL_SECONDS = 600
const UPLOAD_PREFIX = '/storage/upload/'
/** The h5 build's wx.cloud.uploadFile: POST the bytes with ?cloudPath=…, answered { fileID }. */
const APP_UPLOAD_PATH = '/gateway/upload'
/** What the app may upload in one file (WeChat's own limit for client uploads is larger; ours are documents and photos). */
const APP_UPLOAD_MAX_BYTES = 20 * 1024 * 1024
const DOWNLOAD_PREFIX = '/files/'

const encodePath = (cloudPath: string) => cloudPath.split('/').map(encodeURIComponent).join('/')

/** `<prefix><env>/<cloudPath>` from a request path, or undefined when it is not a valid file. */
function fileFromUrl(url: URL, prefix: string): StoredFile | undefined {
  const rest = url.pathname.slice(prefix.length)
  const slash = rest.indexOf('/')
  if (slash < 0) return undefined
  let env: string
  let cloudPath: string
  try {
    env = decodeURIComponent(rest.slice(0, slash))
    cloudPath = rest.slice(slash + 1).split('/').map(decodeURIComponent).join('/')
  } catch {
    return undefined
  }
  return validEnv(env) && validCloudPath(cloudPath) ? { env, cloudPath } : undefined
}

/** The XML error body COS answers with; wx-server-sdk's uploadFile reads these four fields. */
function cosError(res: ServerResponse, status: number, code: string, message: string): void {
  const id = crypto.randomBytes(8).toString('hex')
  const body = `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message><Resource>local</Resource><RequestId>${id}</RequestId><TraceId>${id}</TraceId></Error>`
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

function signedQuery(url: URL): { expires: number; signature: string } {
  return { expires: Number(url.searchParams.get('t')), signature: url.searchParams.get('sign') ?? '' }
}

/**
 * The storage stand-in: uploadFile / getTempFileURL / downloadFile / deleteFile from the SDK,
 * files on disk under `options.filesDir/<env>/`, temp URLs on 127.0.0.1 that are signed and expire.
 */
export function storageModule(): LocalCloudModule {
  let store: FileStore
  const rules = StorageRules.load()
  let baseUrl = ''
  let defaultEnv = ''

  const tempUrl = (file: StoredFile, maxAge: number) => {
    const expires = Math.floor(Date.now() / 1000) + maxAge
    // Left unencoded, as the cloud's are: the SDK runs encodeURI() on it before downloading.
    return `${baseUrl}${DOWNLOAD_PREFIX}${file.env}/${file.cloudPath}?sign=${sign('download', file.env, file.cloudPath, expires)}&t=${expires}`
  }

  const getUploadMetadata: TcbHandler = async ({ body, envName }) => {
    const cloudPath = String(body.path ?? '')
    if (!validEnv(envName) || !validCloudPath(cloudPath)) throw new TcbError('INVALID_PARAM', `invalid cloudPath: ${cloudPath}`)
    const file = { env: envName, cloudPath }
    const expires = Math.floor(Date.now() / 1000) + UPLOAD_URL_SECONDS
    const signature = sign('upload', envName, cloudPath, expires)
    return {
      data: {
        url: `${baseUrl}${UPLOAD_PREFIX}${encodePath(envName)}/${encodePath(cloudPath)}?sign=${signature}&t=${expires}`,
        token: '',
        authorization: signature,
        fileId: fileIdFor(file),
        cosFileId: signature,
        download_url: tempUrl(file, DEFAULT_MAX_AGE),
      },
    }
  }

  const batchGetDownloadUrl: TcbHandler = async ({ body }) => {
    const list: Array<{ fileid?: string; max_age?: number }> = Array.isArray(body.file_list) ? body.file_list : []
    const download_list = list.map(({ fileid = '', max_age }) => {
      const file = parseFileId(fileid)
      if (!file || !store.exists(file)) return { fileID: fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists' }
      const maxAge = Number(max_age) > 0 ? Number(max_age) : DEFAULT_MAX_AGE
      return { fileID: fileid, tempFileURL: tempUrl(file, maxAge), code: 'SUCCESS', maxAge }
    })
    return { data: { download_list } }
  }

  const batchDeleteFile: TcbHandler = async ({ body }) => {
    const list: string[] = Array.isArray(body.fileid_list) ? body.fileid_list : []
    const delete_list = await Promise.all(list.map(async (fileID) => {
      const file = parseFileId(String(fileID))
      const removed = file ? await store.remove(file) : false
      return removed ? { fileID, code: 'SUCCESS' } : { fileID, code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists' }
    }))
    return { data: { delete_list } }
  }

  async function upload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const file = fileFromUrl(url, UPLOAD_PREFIX)
    const { expires, signature } = signedQuery(url)
    if (!file || !verify('upload', file.env, file.cloudPath, expires, signature)) {
      return cosError(res, 403, 'AccessDenied', 'upload URL is invalid or expired')
    }
    await store.write(file, await readBody(req))
    res.writeHead(200, { etag: `"${crypto.randomBytes(8).toString('hex')}"`, 'content-length': 0 })
    res.end()
  }

  async function download(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return cosError(res, 405, 'MethodNotAllowed', 'GET or HEAD only')
    const file = fileFromUrl(url, DOWNLOAD_PREFIX)
    const { expires, signature } = signedQuery(url)
    if (!file || !verify('download', file.env, file.cloudPath, expires, signature)) {
      return cosError(res, 403, 'AccessDenied', 'Request has expired or the signature does not match')
    }
    // Opened before anything is answered: a delete racing this request (a double tap's other call
    // removing a staging file) then either comes first — a 404, as COS answers — or unlinks a file
    // already open, whose bytes are still served whole. Checking, then opening, left a gap between.
    const opened = await openStored(store.localPath(file))
    if (!opened) {
      noteFileGone(downloadPath(url.toString()))
      return cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.')
    }
    try {
      const { size } = opened
      res.writeHead(200, { 'content-type': contentTypeFor(file.cloudPath), 'content-length': size, 'cache-control': 'private, max-age=60' })
      if (req.method === 'HEAD') return void res.end()
      await new Promise<void>((resolve, reject) => {
        opened.handle.createReadStream({ autoClose: false }).on('error', reject).pipe(res).on('finish', resolve).on('error', reject)
      })
    } finally {
      await opened.handle.close()
    }
  }

  /**
   * The app's upload, bound by the storage security rules as a client request is: the caller is the
   * signed-in persona (no persona, no identity), the rules decide on its path and on whose file it
   * would replace. Refused before the body is read; nothing is written.
   */
  async function appUpload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const cloudPath = url.searchParams.get('cloudPath') ?? ''
    if (!validCloudPath(cloudPath)) return sendJson(res, 400, { errCode: -404001, errMsg: `cloud.uploadFile:fail invalid cloudPath: ${cloudPath}` })
    const file = { env: defaultEnv, cloudPath }
    const openid = personaOpenid(req)
    const resource = { openid: store.exists(file) ? store.owner(file) : openid, path: cloudPath }
    if (!rules.allows('write', { auth: openid ? { openid } : null, resource })) {
      req.resume()
      const why = openid ? 'the storage rules allow uploads only to uploads/<domain>/<random>.<ext>, never over another user\'s file' : 'sign in first (no caller identity)'
      return sendJson(res, 403, { errCode: -503002, errMsg: `cloud.uploadFile:fail STORAGE_EXCEED_AUTHORITY: permission denied: ${why}` })
    }
    let content: Buffer
    try {
      content = await readBody(req, APP_UPLOAD_MAX_BYTES)
    } catch (err) {
      if (err instanceof PayloadError) return sendJson(res, 413, { errCode: -404002, errMsg: 'cloud.uploadFile:fail file too large' })
      throw err
    }
    await store.write(file, content, openid)
    sendJson(res, 200, { fileID: fileIdFor(file), statusCode: 200, errMsg: 'cloud.uploadFile:ok' })
  }

  const routes: RouteRegistration[] = [
    { method: 'POST', prefix: APP_UPLOAD_PATH, handler: appUpload },
    { method: 'PUT', prefix: UPLOAD_PREFIX, handler: upload },
    { method: '*', prefix: DOWNLOAD_PREFIX, handler: download },
  ]

  return {
    name: 'storage',
    actions: [
      { action: 'storage.getUploadMetadata', handler: getUploadMetadata },
      { action: 'storage.batchGetDownloadUrl', handler: batchGetDownloadUrl },
      { action: 'storage.batchDeleteFile', handler: batchDeleteFile },
    ],
    routes,
    async start(options: LocalCloudOptions) {
      store = new FileStore(options.filesDir)
      defaultEnv = options.defaultEnv
    },
    async attach(cloud: LocalCloud) {
      baseUrl = cloud.url
    },
  }
}

/** The stored file opened for reading, with its size, or null when it is not there (or is not a file). */
async function openStored(local: string): Promise<{ handle: fs.promises.FileHandle; size: number } | null> {
  let handle: fs.promises.FileHandle
  try {
    handle = await fs.promises.open(local, 'r')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'EISDIR') return null
    throw err
  }
  const stat = await handle.stat()
  if (stat.isFile()) return { handle, size: stat.size }
  await handle.close()
  return null
}
