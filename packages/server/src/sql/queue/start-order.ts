/** pending -> processing when the first worker picks the order up. $1 order id. */
export const START_ORDER = `
update orders set status = 'processing', updated_at = now()
where id = $1 and status = 'pending'
returning id
`;
