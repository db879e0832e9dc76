export default definePageConfig({ navigationBarTitleText: '我的意见', enablePullDownRefresh: true })
