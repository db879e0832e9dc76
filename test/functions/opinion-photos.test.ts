/**
 * Opinion photos go through storage, never as bytes in a call (#13.5): the app stages each under
 * uploads/opinion/; the function checks it by its bytes, strips its metadata, keeps its own copy
 * where only functions write — an anonymous item's at its daily batch, so no file's time is the
 * submission's — and deletes the staged upload at once.
 */
import { PLAIN_JPEG, CAMERA, cameraJpeg, cameraPng, jpegMarkers, pngChunkTypes } from './opinion-fixtures'
import { seededEnv, callAs } from './helpers'
import { fileExists, nextBatch, opinionCount, seedMember, stagePhoto, submitAs } from './opinion-support'
import { sdkFor } from '../support/cloud'

let env: string
let db: any
beforeAll(async () => { ({ env, db } = await seededEnv('opphotos')) })

const byText = async (text: string) => (await db.collection('opinions').where({ text }).limit(1).get()).data[0]
const download = async (fileID: string): Promise<Buffer> => (await sdkFor(env).cloud.downloadFile({ fileID })).fileContent
const holds = async () => (await db.collection('opinion_image_holds').limit(100).get()).data

describe('an anonymous item’s photos', () => {
  let staged: string[]
  let code: string
  beforeAll(async () => {
    staged = [await stagePhoto(env, cameraJpeg(), 'jpg'), await stagePhoto(env, cameraPng(), 'png')]
    code = (await submitAs(env, seedMember(6), { text: '照片：车棚顶棚漏雨，见照片。', images: staged })).data.code
  })

  it('the staged uploads are gone as soon as the submission is stored', async () => {
    expect(code).toMatch(/^[0-9A-Z]{16}$/)
    for (const f of staged) expect(await fileExists(env, f)).toBe(false)
  })

  it('wait, stripped, in the database until the batch — no stored file yet', async () => {
    const item = await byText('照片：车棚顶棚漏雨，见照片。')
    expect(item.images).toEqual([])
    const mine = (await holds()).filter((h: any) => h.opinionId === item._id).sort((a: any, b: any) => a.index - b.index)
    expect(mine.map((h: any) => h.kind)).toEqual(['jpeg', 'png'])
    const jpeg = Buffer.from(mine[0].data, 'base64')
    expect(jpegMarkers(jpeg).filter((m) => m >= 0xe0 && m <= 0xef)).toEqual([])
    expect(jpeg.toString('latin1')).not.toContain(CAMERA.model)
  })

  it('are filed by the batch under a random name only functions write, metadata stripped, holds removed', async () => {
    await nextBatch(env)
    const item = await byText('照片：车棚顶棚漏雨，见照片。')
    expect(item.images).toHaveLength(2)
    for (const f of item.images) expect(f).toMatch(/\/opinion-images\/[0-9a-f]{32}\.(jpg|png)$/)
    const [jpeg, png] = await Promise.all(item.images.map(download))
    expect(jpegMarkers(jpeg).filter((m) => m >= 0xe0 && m <= 0xef)).toEqual([])
    expect(pngChunkTypes(png).filter((t) => ['tEXt', 'iTXt', 'tIME', 'eXIf'].includes(t))).toEqual([])
    expect((await holds()).filter((h: any) => h.opinionId === item._id)).toEqual([])
    const view = await callAs(env, seedMember(6), 'opinion', { action: 'view', code })
    expect(view.data.imageUrls).toHaveLength(2)
  })
})

describe('a named item’s photos', () => {
  it('are filed at once and the staged upload deleted', async () => {
    const staged = await stagePhoto(env, cameraJpeg())
    const r = await submitAs(env, seedMember(7), { anonymous: false, text: '署名照片：走廊墙皮脱落。', images: [staged] })
    expect(r.ok).toBe(true)
    expect(await fileExists(env, staged)).toBe(false)
    const item = await byText('署名照片：走廊墙皮脱落。')
    expect(item.images).toHaveLength(1)
    expect((await download(item.images[0])).toString('latin1')).not.toContain(CAMERA.make)
  })
})

describe('refused photos', () => {
  it.each([
    ['a GIF', async () => stagePhoto(env, Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'jpg'), /JPG 或 PNG/],
    ['a photo over 1 MB', async () => stagePhoto(env, Buffer.concat([PLAIN_JPEG.subarray(0, 2), Buffer.alloc(1024 * 1024)])), /超过 1 MB/],
    ['a file that was never uploaded', async () => (await stagePhoto(env, PLAIN_JPEG)).replace(/[0-9a-f]{32}\.jpg$/, 'f'.repeat(32) + '.jpg'), /失效|没有上传成功/],
    ['a file outside uploads/opinion/', async () => (await stagePhoto(env, PLAIN_JPEG)).replace('/uploads/opinion/', '/opinion-images/'), /图片/],
    ['base64 bytes in the call', async () => PLAIN_JPEG.toString('base64'), /图片/],
  ])('refuses %s, writing and counting nothing', async (_what, make, message) => {
    const image = await make()
    const before = await opinionCount(db)
    const r = await submitAs(env, seedMember(8), { text: '被拒绝的照片意见。', images: [image] })
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(r.message).toMatch(message)
    expect(await opinionCount(db)).toBe(before)
  })

  it('a bad third photo stores nothing of the first two', async () => {
    const images = [await stagePhoto(env, PLAIN_JPEG), await stagePhoto(env, PLAIN_JPEG), await stagePhoto(env, Buffer.from('not an image'), 'png')]
    const holdsBefore = (await holds()).length
    expect(await submitAs(env, seedMember(9), { text: '第三张照片是坏的。', images })).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('第 3 张') })
    expect((await holds()).length).toBe(holdsBefore)
  })
})
