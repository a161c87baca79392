/** The API's version, as GET /health and the OpenAPI document's `info.version` give it. */
export const API_VERSION = '0.1.0';
