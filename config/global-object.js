/**
 * The global object for the weapp build, provided (webpack ProvidePlugin, config/index.ts) wherever
 * a module reads `globalThis`: JavaScriptCore before iOS 12.2 has no `globalThis`, and zod keeps its
 * registry and config on it. `new Function('return this')` is the one dynamic function WeChat allows
 * (小程序 JavaScript 支持情况: 不支持 new Function 创建函数 —— new Function('return this') 除外); in
 * sloppy mode it returns the global object on every engine. This file must not name globalThis itself.
 */
// eslint-disable-next-line no-new-func
module.exports = new Function('return this')()
