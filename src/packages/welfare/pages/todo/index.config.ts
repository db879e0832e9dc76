export default definePageConfig({ navigationBarTitleText: '慰问待办', enablePullDownRefresh: true })
