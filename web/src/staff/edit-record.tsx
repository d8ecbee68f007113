// An edit page's record (a movie, a person, a cinema, a hall) comes from the query cache; its form
// is a child keyed by the record's id that takes the loaded record as its starting state once and
// owns its fields after that (no effect copying data into state). A record the form itself just
// created is put in the cache before the page moves to its address, so the form there starts
// from it at once, still saying "Saved".
import { type UseQueryResult, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageSkeleton } from '../pages/PageSkeleton.tsx';
import { ErrorNotice } from './common.tsx';

/** What an edit page shows until its record is here: a skeleton, or why it could not be read. */
export function RecordPending({ query }: { query: UseQueryResult<unknown> }) {
  if (!query.error) return <PageSkeleton />;
  return (
    <div className="container page">
      <ErrorNotice error={query.error} />
    </div>
  );
}

/** Remembers the record this page just created, and caches it under `queryKey` before moving there. */
export function useCreated<T extends { id: string }>(queryKey: (id: string) => readonly unknown[]) {
  const queryClient = useQueryClient();
  const [createdId, setCreatedId] = useState<string | null>(null);
  return {
    /** Whether the record at `id` was created by the form a moment ago. */
    justCreated: (id: string) => id === createdId,
    created(record: T) {
      queryClient.setQueryData(queryKey(record.id), record);
      setCreatedId(record.id);
    },
  };
}
