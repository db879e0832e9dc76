export default definePageConfig({ navigationBarTitleText: '年度工作计划', enablePullDownRefresh: true })
