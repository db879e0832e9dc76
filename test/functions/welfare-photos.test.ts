/**
 * Visit photos go through storage: the app stages them under uploads/welfare/, the function keeps a
 * checked copy without camera/place/time data under welfare-photos/ and deletes the staging file.
 */
import { shanghaiDate } from '../../cloudfunctions/_shared/time'
import { CAMERA, PLAIN_JPEG, cameraJpeg } from './opinion-fixtures'
import { callAs, seededEnv } from './helpers'
import { sdkFor } from '../support/cloud'
import { fileExists, stagePhoto, variantJpeg, visitFor } from './welfare-support'

let env: string
let db: any
beforeAll(async () => { ({ env, db } = await seededEnv('welfare-photos')) })

const today = shanghaiDate(new Date())
const download = async (fileId: string): Promise<Buffer> => (await sdkFor(env).cloud.downloadFile({ fileID: fileId })).fileContent

describe('photos on a visit', () => {
  it('keeps a stripped copy under welfare-photos/ and deletes the staging file', async () => {
    const staged = await stagePhoto(env, cameraJpeg())
    const r = await callAs(env, 'committee', 'welfare', visitFor('mem006', { photos: [staged] }))
    expect(r).toMatchObject({ ok: true, data: { photoCount: 1 } })
    const stored = (await db.collection('welfare_visits').doc(r.data.id).get()).data.photos
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatch(/\/welfare-photos\/[0-9a-f]{64}\.jpg$/)
    const kept = await download(stored[0])
    expect(kept.includes(Buffer.from(CAMERA.model, 'latin1'))).toBe(false)
    expect(kept.includes(Buffer.from('Exif', 'latin1'))).toBe(false)
    expect(kept.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
    expect(await fileExists(env, staged)).toBe(false)
    const detail = await callAs(env, 'committee', 'welfare', { action: 'get', id: r.data.id })
    expect(detail.data.photos).toEqual([{ fileId: stored[0], url: expect.stringMatching(/^https?:\/\//) }])
  })

  it('keeps a visit’s own photos through a correction and refuses another visit’s photo', async () => {
    const a = await callAs(env, 'committee', 'welfare', visitFor('mem006', { photos: [await stagePhoto(env, PLAIN_JPEG)] }))
    const b = await callAs(env, 'committee', 'welfare', visitFor('mem007', { photos: [await stagePhoto(env, variantJpeg(PLAIN_JPEG, 1))] }))
    const aPhotos = (await db.collection('welfare_visits').doc(a.data.id).get()).data.photos
    const bPhotos = (await db.collection('welfare_visits').doc(b.data.id).get()).data.photos
    const base = { action: 'correct', id: a.data.id, revision: 1, recipient: { kind: 'member', memberId: 'mem006' }, reason: '节日慰问', visitDate: today, cashYuan: '500', fund: '工会经费', correction: '补充照片' }
    const borrowed = await callAs(env, 'committee', 'welfare', { ...base, photos: [...aPhotos, ...bPhotos] })
    expect(borrowed).toMatchObject({ ok: false, code: 'BAD_INPUT', message: '第 2 张照片不属于这条慰问记录，请删除后重新添加' })
    const kept = await callAs(env, 'committee', 'welfare', { ...base, photos: [...aPhotos, await stagePhoto(env, variantJpeg(cameraJpeg(), 2))] })
    expect(kept).toMatchObject({ ok: true, data: { photoCount: 2 } })
  })

  it('refuses a file that is not a JPG or PNG, and a photo path the app does not use, writing nothing', async () => {
    const before = (await db.collection('welfare_visits').count()).total
    const notImage = await stagePhoto(env, Buffer.from('%PDF-1.4 not a photo'), 'jpg')
    expect(await callAs(env, 'committee', 'welfare', visitFor('mem006', { photos: [notImage] })))
      .toMatchObject({ ok: false, code: 'BAD_INPUT', message: '第 1 张照片不是 JPG 或 PNG 图片，请重新选择' })
    const elsewhere = (await sdkFor(env).cloud.uploadFile({ cloudPath: 'opinion-images/abc.jpg', fileContent: PLAIN_JPEG })).fileID
    expect(await callAs(env, 'committee', 'welfare', visitFor('mem006', { photos: [elsewhere] })))
      .toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('照片必须先通过小程序上传') })
    expect((await db.collection('welfare_visits').count()).total).toBe(before)
    expect(await fileExists(env, notImage)).toBe(true) // a refused save leaves the staging file for the person to fix
  })
})
