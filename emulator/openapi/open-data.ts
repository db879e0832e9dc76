/**
 * CloudIDs for open data (e.g. wx.getGroupEnterInfo's group), as the WeChat cloud issues them:
 * an opaque id, valid five minutes, that `cloud.getOpenData({ list })` resolves only for the user
 * it was issued to. The local build mints one for the signed-in persona (POST /gateway/cloud-id),
 * standing in for the client API that would hand it to the app.
 *
 * Per-item answers are those the real service gives inside a successful call (errCode 0 overall):
 *   ok       { cloudID, data: { ...openData, watermark: { appid, timestamp } } }
 *   unknown  { cloudID, errCode: -601005, errMsg: 'invalid cloudID' }
 *   expired  { cloudID, errCode: -601006, errMsg: 'cloudID expired' }
 *   other    { cloudID, errCode: -601007, errMsg: 'cloudID not belong to user.' }
 * (codes from wx-server-sdk's ERR_CODE table; the -601007 text as the service answered it in a
 * reported call.)
 */
import crypto from 'node:crypto'

/** The documented validity of a CloudID. */
export const CLOUD_ID_TTL_MS = 5 * 60_000
/** Expired ids are remembered this long (to answer "expired" rather than "invalid"), then forgotten. */
const REMEMBER_EXPIRED_MS = 60 * 60_000
/** A bound on what one local cloud keeps: the oldest ids are forgotten first. */
const MAX_ISSUED = 20_000

interface Issued {
  openid: string
  appid: string
  data: Record<string, unknown>
  issuedAt: number
}

export type OpenDataItem =
  | { cloudID: string; data: Record<string, unknown> }
  | { cloudID: string; errCode: number; errMsg: string }

export class CloudIdIssuer {
  private issued = new Map<string, Issued>()

  constructor(private readonly clock: () => number = Date.now) {}

  /** A new cloudID for `openid`'s open data. */
  mint(openid: string, appid: string, data: Record<string, unknown>): string {
    this.forgetOld()
    // Real ids look like `61_huCyHuY48m72wWN0…`: a small number, an underscore, url-safe base64.
    const cloudID = `${crypto.randomInt(10, 100)}_${crypto.randomBytes(36).toString('base64url')}`
    this.issued.set(cloudID, { openid, appid, data: structuredClone(data), issuedAt: this.clock() })
    return cloudID
  }

  /** What getOpenData answers for one id, asked by a function invoked for `openid`. */
  resolve(cloudID: string, openid: string): OpenDataItem {
    const entry = this.issued.get(cloudID)
    if (!entry) return { cloudID, errCode: -601005, errMsg: 'invalid cloudID' }
    if (!openid || entry.openid !== openid) return { cloudID, errCode: -601007, errMsg: 'cloudID not belong to user.' }
    if (this.clock() - entry.issuedAt >= CLOUD_ID_TTL_MS) return { cloudID, errCode: -601006, errMsg: 'cloudID expired' }
    const watermark = { appid: entry.appid, timestamp: Math.floor(entry.issuedAt / 1000) }
    return { cloudID, data: { ...structuredClone(entry.data), watermark } }
  }

  private forgetOld(): void {
    const cutoff = this.clock() - CLOUD_ID_TTL_MS - REMEMBER_EXPIRED_MS
    for (const [id, entry] of this.issued) {
      // Map keeps insertion order: the first young entry ends the sweep.
      if (entry.issuedAt >= cutoff && this.issued.size < MAX_ISSUED) break
      this.issued.delete(id)
    }
  }
}
