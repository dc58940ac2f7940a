import { REUSE_VARIANTS_CSS } from './reuse-variants-styles.js';

/**
 * The extras' rules (extras.ts): the quota and help lists, the library grid, the enlarged image, the
 * reuse offer and the variant picker. The library adopts them with the panel's; in the script tag they come in
 * alfie-widget-extras.js, adopted by <Extra> before its first paint.
 */
export const extrasCss = `
.list li{padding-left:14px;position:relative}.list li:before{content:"";position:absolute;left:2px;top:.6em;width:5px;height:5px;border-radius:50%;background:var(--alfie-accent)}
.mu{color:var(--mu);font-size:12.5px}
.lib{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:8px;width:100%;min-width:0}.lib li{min-width:0}
.lib a{display:block;color:inherit;text-decoration:none;font-size:12px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.lib img,.lib i{width:100%;aspect-ratio:1;object-fit:cover;border-radius:8px;background:var(--ln);display:block}
.big{position:absolute;inset:0;z-index:2;background:#000d;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:12px;padding:12px;cursor:zoom-out}.big img{max-width:100%;max-height:calc(100% - 56px);object-fit:contain}
${REUSE_VARIANTS_CSS}`;
