/** The brand of order $1: streams of a brand-restricted token only carry that brand's orders. */
export const ORDER_BRAND = `
select brand_id from orders where id = $1
`;
