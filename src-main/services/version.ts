import packageJson from '../../package.json' with { type: 'json' };

export const HOOKLAB_VERSION: string = packageJson.version;
