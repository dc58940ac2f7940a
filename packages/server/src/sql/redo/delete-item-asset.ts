/** Removes the asset item $1 delivered, so its redo can take its place. Returns the stored file's id. */
export const DELETE_ITEM_ASSET = `
delete from library_assets where order_item_id = $1
returning cloudinary_public_id as public_id
`;
