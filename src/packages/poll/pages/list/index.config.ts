export default definePageConfig({ navigationBarTitleText: '投票与测评', enablePullDownRefresh: true })
