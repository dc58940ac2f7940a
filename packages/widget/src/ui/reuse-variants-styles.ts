/** Styles of ReuseOffer and VariantPicker, added to the panel's constructable stylesheet. */
export const REUSE_VARIANTS_CSS = `
.reuse .thumb{display:block;max-width:100%;max-height:160px;border-radius:8px;margin:8px 0}
.variant-row{display:flex;gap:8px;list-style:none;margin:0;padding:0}
.variant{flex:1 1 0;min-width:0;display:flex;flex-direction:column;gap:6px;align-items:stretch}
.variant img{width:100%;height:auto;border-radius:6px;outline:2px solid transparent}
.variant.chosen img{outline-color:currentColor}
`;
