export default definePageConfig({ navigationBarTitleText: '代表与签到', enablePullDownRefresh: true })
