/**
 * What a handler may ask of the platform besides the database: cloud storage, content
 * security and subscription messages. Built once per function from the wx-server-sdk instance
 * (`servicesFrom(cloud)`), so the same calls reach WeChat in production and the local cloud
 * here. Nothing here logs its arguments: an anonymous opinion's text or images pass through.
 */
import { TEMPLATE_ABOUT, TEMPLATES, type TemplatePurpose } from '../../types/templates'
import { AppError } from './errors'
import { COLLECTIONS } from './documents'

/**
 * The parts of wx-server-sdk these services use (structural, so unit tests need no SDK). The
 * SDK types its calls as `void | Promise` (callback style); without a callback they resolve.
 */
export interface CloudServicesLike {
  getTempFileURL?(p: { fileList: string[] }): any
  uploadFile?(p: { cloudPath: string; fileContent: Buffer }): any
  downloadFile?(p: { fileID: string }): any
  deleteFile?(p: { fileList: string[] }): any
  getOpenData?(p: { list: string[] }): any
  openapi?: {
    security?: { msgSecCheck(p: Record<string, unknown>): Promise<any> }
    subscribeMessage?: { send(p: Record<string, unknown>): Promise<any> }
  }
  /** where a refused subscription message is recorded (audit_log) */
  database?(): { collection(name: string): { add(p: { data: any }): any } }
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
  /**
   * Who it is for, as the chair may read it in the audit log if WeChat refuses the send (e.g. the
   * member's name). Leave it out where naming the recipient would say something about an anonymous item.
   */
  recipientLabel?: string
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
  /**
   * subscribeMessage.send; false when WeChat refused it (e.g. the user has not subscribed) — never
   * throws. A refused send is recorded in audit_log as `notify.failed` (failedSendEntry).
   */
  notify(message: SubscribeMessage): Promise<boolean>
  /**
   * cloud.getOpenData: the open data behind cloudIDs the app obtained (e.g. getGroupEnterInfo →
   * `{ openGId }`), resolved by WeChat for the calling user — the only way a function may learn them.
   * An unknown, expired or someone else's cloudID yields no entry; never throws.
   */
  openData(cloudIDs: string[]): Promise<Array<{ cloudID: string; data: Record<string, unknown> }>>
}

/** The audit action of a subscription message WeChat did not accept. */
export const NOTIFY_FAILED_ACTION = 'notify.failed'


/** WeChat's refusals a chair can act on, in plain words; anything else is reported by its code. */
function refusalReason(errCode: number | undefined): string {
  switch (errCode) {
    case 43101: return '对方没有订阅这条提醒（或一次订阅已用完）'
    case -604101: return '云函数没有 subscribeMessage.send 权限（config.json）'
    case 40037: return '模板 ID 不正确（types/templates.ts）'
    case 47003: return '模板内容不符合要求'
    case 40003: return '接收人无效'
    default: return errCode === undefined ? '发送失败' : `发送失败（错误码 ${errCode}）`
  }
}

/**
 * The audit entry of a refused send: which reminder (template and page path — never its query, its
 * keywords or any text), for whom when the caller named them, and why. No actor: sends are the
 * system's, often from a timer. The entry's time is when the send was refused.
 */
export function failedSendEntry(message: SubscribeMessage, errCode: number | undefined, at: Date) {
  const purpose = (Object.keys(TEMPLATES) as TemplatePurpose[]).find((p) => TEMPLATES[p] === message.templateId)
  return {
    at,
    actorId: '',
    actorName: '订阅消息',
    action: NOTIFY_FAILED_ACTION,
    target: { kind: 'template', id: purpose ?? message.templateId, label: purpose ? TEMPLATE_ABOUT[purpose].label : '订阅消息' },
    after: { page: message.page.split('?')[0], ...(message.recipientLabel ? { recipient: message.recipientLabel } : {}), ...(errCode === undefined ? {} : { errCode }) },
    note: refusalReason(errCode),
  }
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
    async openData(cloudIDs) {
      if (!cloud.getOpenData) missing('开放数据')
      try {
        const res = (await cloud.getOpenData({ list: cloudIDs })) as { list?: Array<{ cloudID?: string; data?: unknown }> }
        return (res.list ?? []).filter((i): i is { cloudID: string; data: Record<string, unknown> } => typeof i?.cloudID === 'string' && Boolean(i.data) && typeof i.data === 'object')
      } catch {
        return []
      }
    },
    async notify(message) {
      const send = cloud.openapi?.subscribeMessage?.send
      if (!send) {
        await recordFailedSend(cloud, message, undefined)
        return false
      }
      const { recipientLabel: _label, ...wire } = message
      try {
        await send({ ...wire, miniprogramState: 'formal', lang: 'zh_CN' })
        return true
      } catch (err) {
        await recordFailedSend(cloud, message, errCodeOf(err))
        return false
      }
    },
  }
}

/** wx-server-sdk rejects with { errCode } (43101 …) or, for a missing permission, -604101. */
function errCodeOf(err: unknown): number | undefined {
  const code = (err as { errCode?: unknown } | null)?.errCode
  return typeof code === 'number' ? code : undefined
}

/** Best effort: a reminder that could not be recorded must not fail the action that sent it. */
async function recordFailedSend(cloud: CloudServicesLike, message: SubscribeMessage, errCode: number | undefined): Promise<void> {
  try {
    await cloud.database?.().collection(COLLECTIONS.auditLog).add({ data: failedSendEntry(message, errCode, new Date()) })
  } catch (err) {
    console.error(`[notify] could not record a refused send: ${(err as Error)?.message ?? err}`)
  }
}
