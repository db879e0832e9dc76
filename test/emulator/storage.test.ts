/** The storage stand-in through the real wx-server-sdk: upload, temp URL, download, delete. */
import { newEnvName, sdkFor } from '../support/cloud'
import { sign, verify } from '../../emulator/storage/signing'

const env = newEnvName('storage')
const { cloud } = sdkFor(env)

async function upload(cloudPath: string, content: Buffer): Promise<string> {
  const res = await cloud.uploadFile({ cloudPath, fileContent: content })
  return res.fileID
}

async function tempUrl(fileID: string, maxAge = 60): Promise<any> {
  const res = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge }] })
  return res.fileList[0]
}

describe('storage', () => {
  it("returns a fileID in WeChat's cloud://<env>.<bucket>/<path> form", async () => {
    const fileID = await upload('notices/2024/a.txt', Buffer.from('公告'))
    expect(fileID).toMatch(new RegExp(`^cloud://${env}\\.[0-9a-f]{4}-${env}-\\d+/notices/2024/a\\.txt$`))
  })

  it('serves an uploaded file at its temp URL on 127.0.0.1 with its content type', async () => {
    const fileID = await upload('docs/readme.txt', Buffer.from('会议纪要 v1'))
    const item = await tempUrl(fileID)
    expect(item.status).toBe(0)
    expect(new URL(item.tempFileURL).hostname).toBe('127.0.0.1')
    const res = await fetch(encodeURI(item.tempFileURL))
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await res.text()).toBe('会议纪要 v1')
  })

  it('gives back the exact bytes through downloadFile', async () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i))
    const fileID = await upload('bin/all-bytes.bin', bytes)
    const res = await cloud.downloadFile({ fileID })
    expect(Buffer.compare(res.fileContent, bytes)).toBe(0)
  })

  it('keeps a Chinese file name through upload, temp URL and download', async () => {
    const fileID = await upload('照片/慰问 合影.txt', Buffer.from('ok'))
    expect(fileID.endsWith('照片/慰问 合影.txt')).toBe(true)
    const res = await cloud.downloadFile({ fileID })
    expect(res.fileContent.toString()).toBe('ok')
  })

  it('refuses a temp URL whose signature was altered', async () => {
    const fileID = await upload('private/x.txt', Buffer.from('secret'))
    const url = new URL(encodeURI((await tempUrl(fileID)).tempFileURL))
    url.searchParams.set('sign', '0'.repeat(32))
    expect((await fetch(url)).status).toBe(403)
  })

  it('treats a signature as invalid once its time has passed', () => {
    const past = Math.floor(Date.now() / 1000) - 1
    expect(verify('download', env, 'a.txt', past, sign('download', env, 'a.txt', past))).toBe(false)
  })

  it('deletes a file: afterwards its temp URL is refused as STORAGE_FILE_NONEXIST (-503003)', async () => {
    const fileID = await upload('tmp/delete-me.txt', Buffer.from('bye'))
    const del = await cloud.deleteFile({ fileList: [fileID] })
    expect(del.fileList).toEqual([{ fileID, status: 0, errMsg: 'ok' }])
    const item = await tempUrl(fileID)
    expect(item.status).toBe(-503003)
    expect(item.tempFileURL).toBe('')
  })

  it('reports a file that does not exist in deleteFile per file', async () => {
    const missing = `cloud://${env}.bucket/none/here.txt`
    const del = await cloud.deleteFile({ fileList: [missing] })
    expect(del.fileList[0]).toMatchObject({ fileID: missing, status: -503003 })
  })

  it('refuses a cloud path that climbs out of the environment', async () => {
    await expect(upload('../outside.txt', Buffer.from('x'))).rejects.toMatchObject({ message: expect.stringContaining('invalid cloudPath') })
  })

  it('answers a download racing a delete with the whole file or NoSuchKey (404), never a server error or a cut-off body', async () => {
    // A double tap: one call reads a staging file while the other, done, deletes it. The SDK (and the
    // #18 usage tracker) take a 404 as "the file is gone"; anything else is an error nobody handles.
    const bytes = Buffer.alloc(256 * 1024, 7)
    const seen: Record<string, number> = {}
    for (let round = 0; round < 60; round += 1) {
      const fileID = await upload(`race/${round}.bin`, bytes)
      const url = encodeURI((await tempUrl(fileID)).tempFileURL)
      const fetchOne = async () => {
        try {
          const res = await fetch(url)
          const body = Buffer.from(await res.arrayBuffer())
          return res.status === 200 && body.equals(bytes) ? '200 whole' : res.status === 404 ? '404' : `${res.status} ${body.length} bytes`
        } catch (err) {
          return `failed: ${(err as Error).message}`
        }
      }
      const answers = await Promise.all([fetchOne(), fetchOne(), fetchOne(), cloud.deleteFile({ fileList: [fileID] }).then(() => 'deleted'), fetchOne(), fetchOne()])
      for (const a of answers) seen[a] = (seen[a] ?? 0) + 1
    }
    expect(Object.keys(seen).filter((a) => !['200 whole', '404', 'deleted'].includes(a))).toEqual([])
    expect(seen.deleted).toBe(60)
  })
})
