import { create } from 'zustand';
import { noPeopleFilters, type PeopleFilters } from './peopleIndex';

type PeopleView = {
  query: string;
  filters: PeopleFilters;
  setQuery: (query: string) => void;
  setFilter: <K extends keyof PeopleFilters>(key: K, value: PeopleFilters[K]) => void;
  clear: () => void;
};

/** What the people list shows (query, filters): UI state only, never stored data. */
export const usePeopleView = create<PeopleView>((set) => ({
  query: '',
  filters: noPeopleFilters,
  setQuery: (query) => set({ query }),
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  clear: () => set({ query: '', filters: noPeopleFilters }),
}));
