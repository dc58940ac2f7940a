/**
 * Deletes an order; its items, jobs, assets, media generations and events go with it (on delete
 * cascade). The quota counters are not touched. $1 order id.
 */
export const DELETE_ORDER = `
  delete from orders where id = $1 returning id
`;
