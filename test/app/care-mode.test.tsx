/**
 * 关怀模式 across "app restarts": jest.resetModules() drops module state (a restart) while
 * the mocked device storage lives on globalThis. React, Testing Library and the components are
 * imported together after each reset so they share one React.
 */
jest.mock('@tarojs/taro', () => require('./support/taro'))
jest.mock('@tarojs/components', () => require('./support/taro-components'))

let lastRtl: typeof import('@testing-library/react/pure') | undefined

async function startApp() {
  jest.resetModules()
  // /pure: the default entry registers afterEach hooks, which cannot be added inside a test.
  const rtl = await import('@testing-library/react/pure')
  lastRtl = rtl
  const { createElement } = await import('react')
  const { PageShell } = await import('@/components/page-shell/PageShell')
  const { CareModeSwitch } = await import('@/components/me/CareModeSwitch')
  const careMode = await import('@/services/care-mode')
  const Taro = (await import('@tarojs/taro')).default as any
  const renderMe = () => rtl.render(createElement(PageShell, null, createElement(CareModeSwitch)))
  const renderOtherTab = () => rtl.render(createElement(PageShell, null, createElement('span', null, '公开')))
  return { rtl, renderMe, renderOtherTab, careMode, Taro }
}

const root = (container: HTMLElement) => container.querySelector('.page-shell') as HTMLElement
const switchOf = (rtl: typeof import('@testing-library/react/pure')) => rtl.screen.getByRole('switch') as HTMLInputElement

describe('关怀模式', () => {
  beforeEach(() => {
    ;(globalThis as any).__taroStorage?.clear()
  })
  afterEach(() => {
    lastRtl?.cleanup()
  })

  it('is off on a new device', async () => {
    const { rtl, renderMe } = await startApp()
    const { container } = renderMe()
    expect(root(container).className).toBe('page-shell')
    expect(switchOf(rtl).checked).toBe(false)
  })

  it('switching it on enlarges the page at once and saves the choice on the device', async () => {
    const { rtl, renderMe, Taro } = await startApp()
    const { container } = renderMe()
    rtl.fireEvent.click(switchOf(rtl))
    expect(root(container).classList.contains('page-shell--care')).toBe(true)
    expect(Taro.setStorageSync).toHaveBeenCalledWith('jgzj.careMode', true)
  })

  it('is still on after the app restarts', async () => {
    const first = await startApp()
    first.renderMe()
    first.rtl.fireEvent.click(switchOf(first.rtl))
    first.rtl.cleanup()

    const second = await startApp()
    const { container } = second.renderMe()
    expect(root(container).classList.contains('page-shell--care')).toBe(true)
    expect(switchOf(second.rtl).checked).toBe(true)
  })

  it('switching it off again restores the normal size everywhere', async () => {
    const { rtl, renderMe } = await startApp()
    const { container } = renderMe()
    rtl.fireEvent.click(switchOf(rtl))
    rtl.fireEvent.click(switchOf(rtl))
    expect(root(container).className).toBe('page-shell')
  })

  it('updates pages that are already open (other tabs) when it changes', async () => {
    const { rtl, renderOtherTab, careMode } = await startApp()
    const { container } = renderOtherTab()
    expect(root(container).classList.contains('page-shell--care')).toBe(false)
    rtl.act(() => careMode.setCareMode(true))
    expect(root(container).classList.contains('page-shell--care')).toBe(true)
  })
})
