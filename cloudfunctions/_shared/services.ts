/**
 * What a handler may ask of the platform besides the database: cloud storage, content
 * security and subscription messages. Built once per function from the wx-server-sdk instance
 * (`servicesFrom(cloud)`), so the same calls reach WeChat in production and the local cloud
 * here. Nothing here logs its arguments: an anonymous opinion's text or images pass through.
 */
import { AppError } from './errors'

/**
 * The parts of wx-server-sdk these services use (structural, so unit tests need no SDK). The
 * SDK types its calls as `void | Promise` (callback style); without a callback they resolve.
 */
export interface CloudServicesLike {
  getTempFileURL?(p: { fileList: string[] }): any
  uploadFile?(p: { cloudPath: string; fileContent: Buffer }): any
  downloadFile?(p: { fileID: string }): any
  deleteFile?(p: { fileList: string[] }): any
  openapi?: {
    security?: { msgSecCheck(p: Record<string, unknown>): Promise<any> }
    subscribeMessage?: { send(p: Record<string, unknown>): Promise<any> }
  }
}

/** msgSecCheck v2's verdict, plus 'unavailable' when the check could not be reached (hold, never drop). */
export type SecVerdict = 'pass' | 'review' | 'risky' | 'unavailable'

/** msgSecCheck scenes: 1 资料 2 评论 3 论坛 4 社交日志 */
export type SecScene = 1 | 2 | 3 | 4

export interface SubscribeMessage {
  /** openid of the recipient — read from `members` by the handler, never taken from a request */
  touser: string
  templateId: string
  /** page the message opens, e.g. 'packages/notice/pages/detail/index?id=…' */
  page: string
  /** template keywords, e.g. { thing1: { value: '…' } } */
  data: Record<string, { value: string }>
}

export interface Services {
  /** fileID → temporary https URL (missing files are left out) */
  tempUrls(fileIds: string[]): Promise<Record<string, string>>
  upload(cloudPath: string, content: Buffer): Promise<string>
  download(fileId: string): Promise<Buffer>
  /** deletes files (e.g. staging uploads a function has copied to their final path); a file already gone is not an error */
  remove(fileIds: string[]): Promise<void>
  /** WeChat security.msgSecCheck v2: reads result.suggest (errcode is 0 even for violations) */
  secCheck(input: { content: string; openid: string; scene: SecScene }): Promise<SecVerdict>
  /** subscribeMessage.send; false when WeChat refused it (e.g. the user has not subscribed) — never throws */
  notify(message: SubscribeMessage): Promise<boolean>
}

function missing(what: string): never {
  throw new AppError('MISCONFIGURED', `云函数缺少${what}能力，请联系工会管理员检查部署。`)
}

export function servicesFrom(cloud: CloudServicesLike): Services {
  return {
    async tempUrls(fileIds) {
      const unique = [...new Set(fileIds.filter(Boolean))]
      if (unique.length === 0) return {}
      if (!cloud.getTempFileURL) missing('云存储')
      const out: Record<string, string> = {}
      // getTempFileURL takes at most 50 files a call.
      for (let i = 0; i < unique.length; i += 50) {
        const res = (await cloud.getTempFileURL({ fileList: unique.slice(i, i + 50) })) as { fileList: Array<{ fileID: string; tempFileURL: string; status: number }> }
        for (const f of res.fileList) if (f.status === 0 && f.tempFileURL) out[f.fileID] = f.tempFileURL
      }
      return out
    },
    async upload(cloudPath, content) {
      if (!cloud.uploadFile) missing('云存储')
      return ((await cloud.uploadFile({ cloudPath, fileContent: content })) as { fileID: string }).fileID
    },
    async download(fileId) {
      if (!cloud.downloadFile) missing('云存储')
      try {
        return ((await cloud.downloadFile({ fileID: fileId })) as { fileContent: Buffer }).fileContent
      } catch {
        throw new AppError('NOT_FOUND', '文件不存在或已失效，请重新上传。')
      }
    },
    async remove(fileIds) {
      const unique = [...new Set(fileIds.filter(Boolean))]
      if (unique.length === 0) return
      if (!cloud.deleteFile) missing('云存储')
      // deleteFile takes at most 50 files a call; per-file failures (already deleted) are ignored.
      for (let i = 0; i < unique.length; i += 50) await cloud.deleteFile({ fileList: unique.slice(i, i + 50) })
    },
    async secCheck({ content, openid, scene }) {
      const check = cloud.openapi?.security?.msgSecCheck
      if (!check) return 'unavailable'
      try {
        const res = await check({ content, openid, scene, version: 2 })
        const suggest = res?.result?.suggest
        return suggest === 'pass' || suggest === 'review' || suggest === 'risky' ? suggest : 'unavailable'
      } catch {
        return 'unavailable'
      }
    },
    async notify(message) {
      const send = cloud.openapi?.subscribeMessage?.send
      if (!send) return false
      try {
        await send({ ...message, miniprogramState: 'formal', lang: 'zh_CN' })
        return true
      } catch {
        return false
      }
    },
  }
}
