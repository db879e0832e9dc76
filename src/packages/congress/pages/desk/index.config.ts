export default definePageConfig({ navigationBarTitleText: '提案工作台', enablePullDownRefresh: true })
