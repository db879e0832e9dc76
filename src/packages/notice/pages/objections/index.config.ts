export default definePageConfig({ navigationBarTitleText: '公示期异议' })
