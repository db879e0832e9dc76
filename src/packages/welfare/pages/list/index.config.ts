export default definePageConfig({ navigationBarTitleText: '慰问记录', enablePullDownRefresh: true })
