import manifest from '../../package.json' with { type: 'json' };

/** The version of Customs that writes the findings (ASFF ProductFields, OCSF metadata.product). */
export const PRODUCT_VERSION: string = manifest.version;
