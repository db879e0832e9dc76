/**
 * Points wx-server-sdk in the test process at the run's local cloud (see global-setup.ts).
 * The SDK reads these at call time, exactly as in a cloud function.
 */
import { sdkEnvironment } from '../../emulator/sdk-env'

const adminUrl = process.env.LOCAL_CLOUD_ADMIN_URL
if (adminUrl) Object.assign(process.env, sdkEnvironment(adminUrl, 'test-default', { openid: 'o_test_process' }))
