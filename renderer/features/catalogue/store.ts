import { create } from 'zustand';
import { noFilters, type CatalogueFilters, type CatalogueSort } from './searchIndex';

type CatalogueView = {
  query: string;
  filters: CatalogueFilters;
  sort: CatalogueSort;
  setQuery: (query: string) => void;
  setFilter: <K extends keyof CatalogueFilters>(key: K, value: CatalogueFilters[K]) => void;
  setSort: (sort: CatalogueSort) => void;
  clear: () => void;
};

/** What the catalogue screen shows (query, filters, order): UI state only, never stored data. */
export const useCatalogueView = create<CatalogueView>((set) => ({
  query: '',
  filters: noFilters,
  sort: 'title',
  setQuery: (query) => set({ query }),
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  setSort: (sort) => set({ sort }),
  clear: () => set({ query: '', filters: noFilters }),
}));
