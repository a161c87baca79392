export { dashboardAssets } from './dashboard-assets.js';
export { serveDashboard } from './serve-dashboard.js';
