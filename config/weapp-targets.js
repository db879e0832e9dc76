/**
 * What the weapp build is compiled for — WeChat's JavaScript engines, not the h5 browsers.
 *
 * Minimum base library (小程序基础库) 2.20.2, set in 小程序管理后台 → 设置 → 基本设置 → 基础库最低版本设置.
 * Why 2.20.2: every API the app calls exists there (wx.cloud 2.2.3, requestSubscribeMessage 2.4.4,
 * chooseMedia 2.10.0, openDocument showMenu 2.11.0, getGroupEnterInfo from a group's
 * message card 2.17.3), and it is the lowest
 * row of WeChat's own engine table (wechat-miniprogram/miniprogram-compat, data/browserslist.json)
 * whose Android engine is V8 6.6 (chrome 66) rather than the X5 JSCore of chrome 53. Users below it
 * are asked by WeChat itself to update.
 *
 * That table says base library ≥ 2.20.2 runs on: iOS 11 JavaScriptCore, Android chrome 66 (V8), and
 * Mac WeChat's safari 10 engine. Safari 10 has no async functions and no `**`, so the shipped code
 * must be plain ES2015: babel (preset-env with these targets) lowers everything newer — `?.`, `??`,
 * `??=`, class fields, object spread, async/await, optional catch binding — in our code AND in
 * node_modules (config/index.ts compiles every package for weapp). devtools' "ES6 转 ES5" stays off:
 * the build, not the IDE, is responsible. test/unit/build/weapp-syntax.test.ts parses every dist
 * file at ECMASCRIPT_LEVEL and fails on anything newer.
 */
module.exports = {
  MIN_BASE_LIBRARY: '2.20.2',
  WEAPP_BROWSERS: ['ios 11', 'chrome 66', 'safari 10'],
  /** the newest ECMAScript edition whose syntax all of WEAPP_BROWSERS parse */
  ECMASCRIPT_LEVEL: 2015,
  /** view-layer scripts (.wxs) run in WeChat's WXS engine: ES5 only */
  WXS_LEVEL: 5,
}
