/// <reference path="./.sst/platform/config.d.ts" />

/** Customs: `npx sst deploy --stage prod`. The components live in infra/ (README, "Deploy"). */
export default $config({
  app(input) {
    const production = input?.stage === 'prod';
    return {
      name: 'customs',
      home: 'aws',
      removal: production ? 'retain' : 'remove',
      protect: production,
    };
  },
  async run() {
    const { deployCustoms } = await import('./infra/index.js');
    return deployCustoms();
  },
});
