export default definePageConfig({ navigationBarTitleText: '未投票名单', enablePullDownRefresh: true })
