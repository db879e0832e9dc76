export default definePageConfig({ navigationBarTitleText: '工作总结与台帐' })
