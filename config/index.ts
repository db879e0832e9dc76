import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * One code base, two builds. Each build gets its own output folder so building h5 never
 * overwrites the weapp build that WeChat devtools (project.config.json) opens.
 */
const outputRoot = process.env.TARO_ENV === 'h5' ? 'dist-h5' : 'dist'

/** types/ (schemas shared with the cloud functions) sits outside src/ but must be compiled like it. */
const types = path.resolve(__dirname, '..', 'types')
const compile = { include: [types] }

/**
 * weapp: every package is compiled down to the engines in weapp-targets.js too (zod, for one, ships
 * `??` and `?.`); babel-preset-taro itself skips @babel/runtime and core-js. h5 browsers take them as is.
 */
const compileForWeChat = { include: [types, (file: string) => /[\\/]node_modules[\\/]/.test(file)] }

/** weapp: modules that read `globalThis` get the global object from a file that works without it. */
const provideGlobalObject = { globalThis: path.resolve(__dirname, 'global-object.js') }

/**
 * h5 (local use and browser tests) is minified by esbuild: terser took most of the build's time and
 * the h5 build is on the test run's critical path. The weapp build keeps terser (its sizes are budgets).
 */
const h5Minifier = process.env.TARO_ENV === 'h5' && process.env.H5_TERSER !== '1'
  ? { jsMinimizer: 'esbuild' as const, esbuild: { minify: { enable: true, config: { target: 'es2020' } } } }
  : {}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'jiaogong-zhijia',
    date: '2026-11-22',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    defineConstants: {
      // Cloud environment id for weapp; empty means WeChat's default environment.
      CLOUD_ENV: JSON.stringify(process.env.JGZJ_CLOUD_ENV ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    ...h5Minifier,
    mini: {
      compile: compileForWeChat,
      // Component styles are independent (each targets its own classes), so the order in
      // which shared chunks concatenate them does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain, webpack) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        chain.plugin('provide-global-object').use(webpack.ProvidePlugin, [provideGlobalObject])
      },
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
