/**
 * The h5 build's uploadFile: POST /gateway/upload stores the bytes in the local cloud's default
 * environment and answers a fileID that the functions' SDK can then read, as wx.cloud.uploadFile would.
 */
import { localCloudUrl, sdkFor } from '../support/cloud'

async function appUpload(cloudPath: string, body: Buffer): Promise<{ status: number; json: any }> {
  const res = await fetch(`${localCloudUrl()}/gateway/upload?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'POST', body: new Uint8Array(body) })
  return { status: res.status, json: await res.json() }
}

describe('app uploads (h5)', () => {
  it('stores the file where a function can download it by the returned fileID', async () => {
    const bytes = Buffer.from('附件：2026年工会经费预算.pdf 的内容')
    const { status, json } = await appUpload('uploads/notice/预算.pdf', bytes)
    expect(status).toBe(200)
    const env = /^cloud:\/\/([^.]+)\./.exec(json.fileID)![1]
    const { cloud } = sdkFor(env)
    const res = await cloud.downloadFile({ fileID: json.fileID })
    expect(Buffer.compare(res.fileContent, bytes)).toBe(0)
  })

  it('refuses a path that climbs out of the bucket and stores nothing', async () => {
    const { status, json } = await appUpload('../etc/passwd', Buffer.from('x'))
    expect(status).toBe(400)
    expect(json.errMsg).toMatch(/invalid cloudPath/)
  })
})
