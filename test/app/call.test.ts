import { createCall, CallError, toRequest } from '@/services/call'
import { TransportError, type Transport } from '@/services/transport'
import { transportMessages } from '@/services/messages'
import { noticeListOutput } from '../../types/notice'
import { memberMeOutput } from '../../types/member'

const answering = (value: unknown): Transport => async () => value
const failingWith = (err: unknown): Transport => async () => {
  throw err
}

async function errorOf(p: Promise<unknown>): Promise<CallError> {
  try {
    await p
  } catch (err) {
    if (err instanceof CallError) return err
    throw err
  }
  throw new Error('expected the call to fail')
}

const me = { role: 'member', member: { id: 'm1', name: '王芳', department: '语文组', status: '在职', roleLabel: '会员' } }

describe('call layer', () => {
  it('sends the action next to the input and returns the parsed data', async () => {
    const seen: unknown[] = []
    const call = createCall(async (req) => {
      seen.push(req)
      return { ok: true, data: me }
    })
    await expect(call('member', 'me', {}, memberMeOutput)).resolves.toEqual(me)
    expect(seen).toEqual([{ name: 'member', data: { action: 'me' } }])
    expect(toRequest('notice', 'list', { category: '财务', page: 2 })).toEqual({ name: 'notice', data: { category: '财务', page: 2, action: 'list' } })
  })

  it('says the network is down when the request never got an answer', async () => {
    const err = await errorOf(createCall(failingWith(new TransportError('network', 'request:fail')))('member', 'me', {}, memberMeOutput))
    expect(err.message).toBe('网络不通，请检查网络后重试')
    expect(err.retryable).toBe(true)
  })

  it('says the network is slow on a timeout', async () => {
    const err = await errorOf(createCall(failingWith(new TransportError('timeout', 'timeout')))('member', 'me', {}, memberMeOutput))
    expect(err.message).toBe(transportMessages.timeout)
  })

  it('turns a platform error code into a try-again message, and a missing function into "not online yet"', async () => {
    const crashed = await errorOf(createCall(failingWith(new TransportError('function', 'function execution error', -504002)))('member', 'me', {}, memberMeOutput))
    expect(crashed.message).toBe('服务暂时出了问题，请稍后重试；一直这样请联系工会')
    const missing = await errorOf(
      createCall(failingWith(new TransportError('function', 'FunctionName parameter could not be found', -501000)))('member', 'me', {}, memberMeOutput),
    )
    expect(missing.message).toBe('这项服务还没有上线，请联系工会管理员')
  })

  it('shows the function’s own Chinese message for { ok: false } and keeps its code', async () => {
    const call = createCall(answering({ ok: false, code: 'FORBIDDEN', message: '只有工会委员和主席可以进行此操作' }))
    const err = await errorOf(call('welfare', 'list', { page: 1 }, memberMeOutput))
    expect(err.message).toBe('只有工会委员和主席可以进行此操作')
    expect(err.code).toBe('FORBIDDEN')
    expect(err.retryable).toBe(false)
  })

  it('falls back to a message per code when the function sends none', async () => {
    const err = await errorOf(createCall(answering({ ok: false, code: 'RATE_LIMITED', message: ' ' }))('member', 'me', {}, memberMeOutput))
    expect(err.message).toBe('操作太频繁了，请过一会儿再试')
  })

  it('refuses data that does not match the schema instead of rendering it', async () => {
    const wrong = { ok: true, data: { items: [{ id: 'n1', title: '没有其他字段' }], page: 1, total: 1 } }
    const err = await errorOf(createCall(answering(wrong))('notice', 'list', { page: 1 }, noticeListOutput))
    expect(err.kind).toBe('schema')
    expect(err.message).toBe('收到的数据和当前版本对不上，请更新小程序（网页请刷新）后重试')
  })

  it('treats an answer that is not an envelope at all as a schema failure', async () => {
    const err = await errorOf(createCall(answering('<html>502</html>'))('member', 'me', {}, memberMeOutput))
    expect(err.kind).toBe('schema')
  })

  it('never leaks a raw exception: anything unexpected becomes the network message', async () => {
    const err = await errorOf(createCall(failingWith(new TypeError('x is undefined')))('member', 'me', {}, memberMeOutput))
    expect(err.message).toBe(transportMessages.network)
  })
})
