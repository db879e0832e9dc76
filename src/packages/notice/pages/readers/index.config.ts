export default definePageConfig({ navigationBarTitleText: '阅读情况' })
