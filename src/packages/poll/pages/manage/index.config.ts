export default definePageConfig({ navigationBarTitleText: '组织投票与测评', enablePullDownRefresh: true })
