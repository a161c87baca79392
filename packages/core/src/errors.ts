/** A check definition whose metadata is invalid, or a registry conflict. */
export class CatalogError extends Error {
  override name = 'CatalogError';
}

/** A configuration value that is invalid; the message names the key. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
