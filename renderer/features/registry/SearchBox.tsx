import { TextInput } from '@mantine/core';
import { useIsFetching, useQueryClient, type Query } from '@tanstack/react-query';
import { memo, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { useRegistrySearch } from './filters';

/** The read a typed search makes (the list's pages): the next key's search waits for it, not for a fixed delay. */
const isSearchRead = (query: Query) => query.queryKey[0] === 'registry:search';

/**
 * The registry's search box. What is typed lives in the box's own state, so a key re-renders the box alone;
 * the text goes on to the list (which then searches) at once when no search is being read, otherwise when
 * that read answers, and then only the newest text goes (the ones typed in between are skipped). So the first
 * key searches immediately and fast typing never queues searches for the backend to answer one by one, as
 * `usePacedValue` paces the directory's list; here the list does not even re-render for the skipped keys.
 */
export const SearchBox = memo(function SearchBox() {
  const t = useT();
  const queryClient = useQueryClient();
  const [search, setSearch] = useRegistrySearch();
  const [text, setText] = useState(search);
  // The list's search changed from outside the box (a link followed, the store set up again): the box shows it.
  const [seen, setSeen] = useState(search);
  if (search !== seen) {
    setSeen(search);
    setText(search);
  }
  const reading = useIsFetching({ predicate: isSearchRead }) > 0;
  const idle = () => queryClient.isFetching({ predicate: isSearchRead }) === 0;
  // A search read has answered: the text typed while it was read goes now. (`reading` re-runs this when the reads
  // end; the cache is asked again because the hook's value can lag a read that has just started.)
  useEffect(() => {
    if (!reading && text !== search && queryClient.isFetching({ predicate: isSearchRead }) === 0) setSearch(text);
  }, [reading, text, search, setSearch, queryClient]);
  // Leaving the list (an association opened) while a key still waited for a read: the list keeps that text too,
  // so coming back finds the box as it was left.
  const latest = useRef({ text, search });
  useEffect(() => {
    latest.current = { text, search };
  }, [text, search]);
  useEffect(
    () => () => {
      if (latest.current.text !== latest.current.search) setSearch(latest.current.text);
    },
    [setSearch],
  );
  return (
    <TextInput
      label={t('registry.search')}
      placeholder={t('registry.searchPlaceholder')}
      type="search"
      data-shortcut="search"
      aria-keyshortcuts="Control+F"
      value={text}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setText(value);
        // Nothing being read: the list searches in this same event (one render for the box and the list).
        if (idle()) setSearch(value);
      }}
      style={{ flex: '1 1 200px' }}
      size="xs"
    />
  );
});
