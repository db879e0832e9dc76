// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// The weapp build is compiled for WeChat's JavaScript engines (config/weapp-targets.js), not for
// the h5 browsers listed in package.json's browserslist; h5 keeps those.
const { WEAPP_BROWSERS } = require('./config/weapp-targets')

const weapp = process.env.TARO_ENV === 'weapp'

module.exports = {
  presets: [
    ['taro', {
      framework: 'react',
      ts: true,
      compiler: 'webpack5',
      ...(weapp ? { targets: WEAPP_BROWSERS } : {}),
    }],
  ],
  plugins: weapp ? [require('./config/babel-plugin-strip-test-ids')] : [],
}
