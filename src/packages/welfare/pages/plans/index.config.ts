export default definePageConfig({ navigationBarTitleText: '节日慰问计划', enablePullDownRefresh: true })
