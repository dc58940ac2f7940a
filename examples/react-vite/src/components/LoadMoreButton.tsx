import type { UsePagerResult } from '@alfie/react';

/** The next page of a pager, shown only while there is one; `label` says what it loads. */
export function LoadMoreButton({ pager, label }: { pager: UsePagerResult<unknown>; label: string }) {
  const { hasNextPage, fetchNextPage, isFetchingNextPage } = pager;
  if (!hasNextPage) return null;
  return (
    <button type="button" className="link" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
      {isFetchingNextPage ? 'Loading…' : label}
    </button>
  );
}
