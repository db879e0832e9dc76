export default definePageConfig({ navigationBarTitleText: '慰问计划', enablePullDownRefresh: true })
