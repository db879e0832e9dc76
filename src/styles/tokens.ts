/**
 * TS mirror of the colours in tokens.scss, for config that cannot read CSS (tabBar,
 * navigation bar). tokens.scss stays the source; test/app/tokens.test.ts fails when they drift.
 */
export const colors = {
  primary: '#c8372d',
  text: '#1f2329',
  textSecondary: '#5c6370',
  bg: '#f4f5f7',
  surface: '#ffffff',
} as const
