export { dashboardAssets } from './dashboard-assets.js';
export { dashboardHandler } from './dashboard-handler.js';
export { serveDashboard } from './serve-dashboard.js';
