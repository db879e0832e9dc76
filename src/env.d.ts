/// <reference types="@tarojs/taro" />

declare module '*.scss'
declare module '*.png'

/** Cloud environment id for the weapp build (config/index.ts defineConstants); '' = default environment. */
declare const CLOUD_ENV: string

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | undefined
  }
}
