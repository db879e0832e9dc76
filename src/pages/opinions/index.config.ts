export default definePageConfig({
  navigationBarTitleText: '意见箱',
  enablePullDownRefresh: true,
})
