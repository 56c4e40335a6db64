import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

/**
 * A virtualised list the keyboard can walk: arrows move between rows (the first row's ArrowUp
 * goes back to the search box), Home/End, PageUp/PageDown. Rows get one stable key handler, so
 * a row whose item did not move is not re-rendered.
 */
export function useKeyboardList({
  count,
  rowHeight,
  rowSelector,
  searchInputId,
  overscan = 4,
}: {
  count: number;
  rowHeight: number;
  /** CSS selector of the focusable element inside a row (`.course-row`). */
  rowSelector: string;
  /** Where ArrowUp from the first row goes. */
  searchInputId: string;
  overscan?: number;
}) {
  const parentRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns fresh functions each render, which the React Compiler cannot memoise; fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => parentRef.current,
    estimateSize: () => rowHeight,
    overscan,
  });

  const focusRow = (index: number) => {
    const clamped = Math.max(0, Math.min(count - 1, index));
    virtualizer.scrollToIndex(clamped);
    requestAnimationFrame(() =>
      parentRef.current
        ?.querySelector<HTMLElement>(`[data-index="${clamped}"] ${rowSelector}`)
        ?.focus(),
    );
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>, index: number) => {
    const page = Math.max(
      1,
      Math.floor((parentRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1,
    );
    const target = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: count - 1,
      PageDown: index + page,
      PageUp: index - page,
    }[e.key];
    if (target === undefined) return;
    e.preventDefault();
    if (e.key === 'ArrowUp' && index === 0) document.getElementById(searchInputId)?.focus();
    else focusRow(target);
  };

  const onKeyDownRef = useRef(onKeyDown);
  useEffect(() => {
    onKeyDownRef.current = onKeyDown;
  });
  const handleKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>, index: number) => onKeyDownRef.current(e, index),
    [],
  );

  return { parentRef, virtualizer, handleKeyDown };
}

/** One item of a virtualised list, placed where the virtualiser says, with its list position announced. */
export function VirtualListItem({
  index,
  total,
  start,
  size,
  children,
}: {
  index: number;
  total: number;
  start: number;
  size: number;
  children: ReactNode;
}) {
  return (
    <li
      data-index={index}
      aria-setsize={total}
      aria-posinset={index + 1}
      style={{
        position: 'absolute',
        top: 0,
        insetInlineStart: 0,
        width: '100%',
        height: size,
        transform: `translateY(${start}px)`,
      }}
    >
      {children}
    </li>
  );
}
