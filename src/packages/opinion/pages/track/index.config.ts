export default definePageConfig({ navigationBarTitleText: '意见进度' })
