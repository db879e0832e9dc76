import { TransportError } from '@/services/transport'

jest.mock('@tarojs/taro', () => require('./support/taro'))

describe('weapp transport (wx.cloud.callFunction)', () => {
  it('returns the function result and classifies rejections by their errMsg', async () => {
    const Taro = (await import('@tarojs/taro')).default as any
    const { transport, toTransportError } = await import('@/services/cloud.weapp')
    Taro.cloud.callFunction.mockResolvedValueOnce({ result: { ok: true, data: 1 }, errMsg: 'cloud.callFunction:ok' })
    await expect(transport({ name: 'member', data: { action: 'me' } })).resolves.toEqual({ ok: true, data: 1 })
    expect(Taro.cloud.callFunction).toHaveBeenCalledWith({ name: 'member', data: { action: 'me' } })

    expect(toTransportError({ errCode: -1, errMsg: 'cloud.callFunction:fail request:fail' }).kind).toBe('network')
    expect(toTransportError({ errMsg: 'cloud.callFunction:fail timeout' }).kind).toBe('timeout')
    expect(toTransportError({ errCode: -504002, errMsg: 'functions execute fail' }).kind).toBe('function')
  })
})

describe('h5 transport (local gateway)', () => {
  const persona = { key: 'staff', label: '在职教师', name: '王芳', openid: 'o-staff' }
  let fetchMock: jest.Mock

  beforeEach(() => {
    window.localStorage.clear()
    fetchMock = jest.fn()
    ;(globalThis as any).fetch = fetchMock
  })

  it('calls /gateway/call as the chosen persona', async () => {
    window.localStorage.setItem('jgzj.dev.persona', JSON.stringify(persona))
    fetchMock.mockResolvedValue({ status: 200, json: async () => ({ result: { ok: true, data: 2 } }) })
    const { transport } = await import('@/services/cloud.h5')
    await expect(transport({ name: 'notice', data: { action: 'list', page: 1 } })).resolves.toEqual({ ok: true, data: 2 })
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/gateway/call')
    expect(init.headers['x-local-openid']).toBe('o-staff')
    expect(JSON.parse(init.body)).toEqual({ name: 'notice', data: { action: 'list', page: 1 } })
  })

  it('turns { errCode, errMsg } into a function failure and a failed fetch into a network failure', async () => {
    window.localStorage.setItem('jgzj.dev.persona', JSON.stringify(persona))
    const { transport } = await import('@/services/cloud.h5')
    fetchMock.mockResolvedValueOnce({ status: 200, json: async () => ({ errCode: -501000, errMsg: 'function not found' }) })
    await expect(transport({ name: 'x', data: {} })).rejects.toMatchObject({ kind: 'function', errCode: -501000 })
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    await expect(transport({ name: 'x', data: {} })).rejects.toMatchObject({ kind: 'network' })
  })

  it('asks for a sign-in before calling anything when no persona is chosen', async () => {
    const { transport } = await import('@/services/cloud.h5')
    await expect(transport({ name: 'x', data: {} })).rejects.toBeInstanceOf(TransportError)
    await expect(transport({ name: 'x', data: {} })).rejects.toMatchObject({ kind: 'signin' })
    expect(fetchMock).not.toHaveBeenCalled()
  })
})
