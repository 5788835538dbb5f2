export type AppMode = 'desktop' | 'serve' | 'cli';

export interface AppInfo {
  version: string;
  mode: AppMode;
  dataDir: string;
  receiverUrl: string;
}
