/** weapp: WeChat draws the navigation bar and the tab bar itself; nothing to add. */
export function useH5Shell(_care: boolean): void {}
