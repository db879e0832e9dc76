import { colors } from './styles/tokens'

type SubPackage = { root: string; pages: string[] }

/** Everything beyond the four tabs lives in one subpackage per domain, so the main package stays small. */
const subPackages: SubPackage[] = [
  { root: 'packages/notice', pages: ['pages/detail/index', 'pages/edit/index', 'pages/manage/index', 'pages/readers/index', 'pages/objections/index'] },
  { root: 'packages/activity', pages: ['pages/detail/index', 'pages/mine/index', 'pages/manage/index', 'pages/edit/index', 'pages/roster/index', 'pages/checkin/index'] },
  { root: 'packages/opinion', pages: ['pages/submit/index', 'pages/track/index', 'pages/mine/index', 'pages/inbox/index', 'pages/handle/index', 'pages/stats/index'] },
  {
    root: 'packages/welfare',
    pages: ['pages/list/index', 'pages/record/index', 'pages/detail/index', 'pages/plans/index', 'pages/plan-new/index', 'pages/plan/index', 'pages/todo/index', 'pages/disclosure/index', 'pages/hardship/index'],
  },
  {
    root: 'packages/poll',
    pages: ['pages/list/index', 'pages/ballot/index', 'pages/verify/index', 'pages/results/index', 'pages/manage/index', 'pages/edit/index', 'pages/console/index', 'pages/voters/index'],
  },
  {
    root: 'packages/member',
    pages: ['pages/profile/index', 'pages/apply/index', 'pages/queue/index', 'pages/directory/index', 'pages/detail/index', 'pages/settings/index', 'pages/audit/index'],
  },
  { root: 'packages/congress', pages: ['pages/board/index', 'pages/proposal/index', 'pages/edit/index', 'pages/desk/index', 'pages/answer/index', 'pages/people/index', 'pages/session/index'] },
  { root: 'packages/plan', pages: ['pages/plan/index', 'pages/item/index', 'pages/calendar/index', 'pages/meetings/index', 'pages/meeting/index', 'pages/summary/index'] },
]

// The dev sign-in exists only in the local (h5) build; the weapp build never lists it,
// so none of its code is compiled in.
if (process.env.TARO_ENV === 'h5') {
  subPackages.push({ root: 'packages/dev', pages: ['pages/sign-in/index', 'pages/panel/index'] })
}

export default defineAppConfig({
  pages: ['pages/notices/index', 'pages/activities/index', 'pages/opinions/index', 'pages/me/index'],
  subPackages,
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: colors.bg,
    navigationBarBackgroundColor: colors.primary,
    navigationBarTitleText: '教工之家',
    navigationBarTextStyle: 'white',
    // weapp's default; in h5 it also switches on Taro's title bar with back (styled in components/page-shell/h5-shell.scss).
    navigationStyle: 'default',
  },
  // Icons: PNG (tabBar takes no SVG), drawn from the sources in assets/tabbar/icons.svg.txt.
  tabBar: {
    color: colors.textSecondary,
    selectedColor: colors.primary,
    backgroundColor: colors.surface,
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/notices/index', text: '公开', iconPath: 'assets/tabbar/notices.png', selectedIconPath: 'assets/tabbar/notices-active.png' },
      { pagePath: 'pages/activities/index', text: '活动', iconPath: 'assets/tabbar/activities.png', selectedIconPath: 'assets/tabbar/activities-active.png' },
      { pagePath: 'pages/opinions/index', text: '意见箱', iconPath: 'assets/tabbar/opinions.png', selectedIconPath: 'assets/tabbar/opinions-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
})
