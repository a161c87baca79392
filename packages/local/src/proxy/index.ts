export { type ServeUi, type SigningProxy, startSigningProxy } from './signing-proxy.js';
