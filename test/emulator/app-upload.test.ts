/**
 * The h5 build's uploadFile: POST /gateway/upload, bound by the production storage security rules
 * (cloudfunctions/_database/storage-rules.json) as a client upload is: a caller identity, a path
 * under uploads/<domain>/<random>.<ext>, never over another user's file. An accepted file lands in
 * the local cloud's default environment where the functions' SDK reads it by the returned fileID.
 */
import crypto from 'node:crypto'
import { defaultEnvName, localCloudUrl, sdkFor } from '../support/cloud'
import { StorageRules } from '../../emulator/storage/rules'

async function appUpload(cloudPath: string, body: Buffer, persona?: string): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = persona ? { 'x-local-openid': persona } : {}
  const res = await fetch(`${localCloudUrl()}/gateway/upload?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'POST', headers, body: new Uint8Array(body) })
  return { status: res.status, json: await res.json() }
}

const randomName = () => crypto.randomBytes(12).toString('base64url')
/** The local cloud's default environment (where app uploads land), read through the functions' SDK. */
const defaultEnvSdk = () => sdkFor(defaultEnvName()).cloud

async function download(fileID: string): Promise<Buffer> {
  return (await defaultEnvSdk().downloadFile({ fileID })).fileContent
}

describe('app uploads (h5) under the storage rules', () => {
  it('stores a signed-in upload under uploads/<domain>/<random>.<ext> where a function reads it by the fileID', async () => {
    const bytes = Buffer.from('附件：2026年工会经费预算.pdf 的内容')
    const { status, json } = await appUpload(`uploads/notice/${randomName()}.pdf`, bytes, 'o_dev_committee')
    expect(status).toBe(200)
    expect(Buffer.compare(await download(json.fileID), bytes)).toBe(0)
  })

  it('refuses an upload with no identity to opinion-images/<id>.jpg, leaving the stored image as it was', async () => {
    const cloudPath = `opinion-images/${crypto.randomBytes(16).toString('hex')}.jpg`
    const original = Buffer.from('the anonymous opinion image')
    const { fileID } = await defaultEnvSdk().uploadFile({ cloudPath, fileContent: original })
    const { status, json } = await appUpload(cloudPath, Buffer.from('replaced!'))
    expect(status).toBe(403)
    expect(json).toEqual({ errCode: -503002, errMsg: expect.stringMatching(/^cloud\.uploadFile:fail STORAGE_EXCEED_AUTHORITY/) })
    expect((await download(fileID)).toString()).toBe('the anonymous opinion image')
  })

  it('refuses a signed-in upload outside uploads/ (a function-only path)', async () => {
    const { status } = await appUpload(`opinion-images/${randomName()}.jpg`, Buffer.from('x'), 'o_dev_staff')
    expect(status).toBe(403)
  })

  it("never lets one user overwrite another's upload; the uploader may replace their own", async () => {
    const cloudPath = `uploads/opinion/${randomName()}.jpg`
    const first = await appUpload(cloudPath, Buffer.from('staff photo'), 'o_dev_staff')
    expect(first.status).toBe(200)
    expect((await appUpload(cloudPath, Buffer.from('chair replaces it'), 'o_dev_chair')).status).toBe(403)
    expect((await download(first.json.fileID)).toString()).toBe('staff photo')
    expect((await appUpload(cloudPath, Buffer.from('staff retakes it'), 'o_dev_staff')).status).toBe(200)
    expect((await download(first.json.fileID)).toString()).toBe('staff retakes it')
  })

  it('refuses names that carry a time or a person instead of a random name', async () => {
    for (const name of ['1700000000000-预算.pdf', 'o_dev_staff.jpg', 'a.jpg', `${randomName()}`]) {
      expect((await appUpload(`uploads/notice/${name}`, Buffer.from('x'), 'o_dev_staff')).status).toBe(403)
    }
  })

  it('refuses a path that climbs out of the bucket and stores nothing', async () => {
    const { status, json } = await appUpload('../etc/passwd', Buffer.from('x'), 'o_dev_staff')
    expect(status).toBe(400)
    expect(json.errMsg).toMatch(/invalid cloudPath/)
  })
})

describe('the shipped storage rules, evaluated', () => {
  const rules = StorageRules.load()
  const path = 'uploads/welfare/Qm9vayBvZiBKb2Iu.jpg'

  it('lets a client write a new file of its own under uploads/, and nothing else', () => {
    expect(rules.allows('write', { auth: { openid: 'o1' }, resource: { openid: 'o1', path } })).toBe(true)
    expect(rules.allows('write', { auth: { openid: 'o1' }, resource: { openid: 'o2', path } })).toBe(false)
    expect(rules.allows('write', { auth: null, resource: { openid: null, path } })).toBe(false)
    expect(rules.allows('write', { auth: { openid: 'o1' }, resource: { openid: null, path } })).toBe(false)
    expect(rules.allows('write', { auth: { openid: 'o1' }, resource: { openid: 'o1', path: 'notice-files/abc.pdf' } })).toBe(false)
    expect(rules.allows('write', { auth: { openid: 'o1' }, resource: { openid: 'o1', path: 'uploads/welfare/../x/Qm9vayBvZiBKb2Iu.jpg' } })).toBe(false)
  })

  it('lets a client read nothing directly (files reach people through temp URLs functions hand out)', () => {
    expect(rules.allows('read', { auth: { openid: 'o1' }, resource: { openid: 'o1', path } })).toBe(false)
  })

  it('evaluates the expression language the console uses (|| && ! == != null, regex .test() == true)', () => {
    const r = new StorageRules({ read: "auth == null || !(resource.path != 'a') && /^p\\/[0-9]+$/.test(resource.path) == false" })
    expect(r.allows('read', { auth: null, resource: { openid: null, path: 'x' } })).toBe(true)
    expect(r.allows('read', { auth: { openid: 'o' }, resource: { openid: null, path: 'a' } })).toBe(true)
    expect(r.allows('read', { auth: { openid: 'o' }, resource: { openid: null, path: 'p/12' } })).toBe(false)
    expect(() => new StorageRules({ write: 'auth.openid ==' })).toThrow()
  })
})
