/** The local cloud's stall lines (emulator/stall-log.ts): what the test step's log shows after an SDK "request timeout". */
import { noteSlowRequest } from '../../../emulator/stall-log'

it('names a request slower than 5 s with its action and environment, and says nothing of a quick one or of a function called through it (its own time)', () => {
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  try {
    noteSlowRequest('database.insertDocument', 't-welfare-1', Date.now() - 6_000)
    noteSlowRequest('database.getDocument', 't-welfare-1', Date.now())
    noteSlowRequest('functions.invokeFunction', 't-welfare-1', Date.now() - 6_000)
    expect(spy.mock.calls.map((c) => c[0])).toEqual([expect.stringMatching(/^\[local-cloud\] slow request: database\.insertDocument in t-welfare-1 took \d+ ms$/)])
  } finally {
    spy.mockRestore()
  }
})
