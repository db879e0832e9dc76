export default definePageConfig({
  navigationBarTitleText: '校务公开',
  enablePullDownRefresh: true,
})
