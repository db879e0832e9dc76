export default definePageConfig({ navigationBarTitleText: '教代会会议设置' })
