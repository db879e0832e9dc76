export default definePageConfig({ navigationBarTitleText: '工会日历', enablePullDownRefresh: true })
