import { describe, expect, it } from 'vitest';
import { PageSize } from './engine';

describe('PageSize', () => {
  it('asks for larger pages while they arrive quickly, up to 4 MB', () => {
    const pages = new PageSize();
    expect(pages.bytes).toBeUndefined(); // the hub's default, 256 KB
    pages.took(200);
    expect(pages.bytes).toBe(512 * 1024);
    for (let i = 0; i < 10; i++) pages.took(150);
    expect(pages.bytes).toBe(4 * 1024 * 1024);
  });

  it('asks for smaller pages when the link is slow, down to 64 KB, and keeps the size in between', () => {
    const pages = new PageSize();
    pages.took(2_500);
    expect(pages.bytes).toBeUndefined();
    pages.took(6_000);
    expect(pages.bytes).toBe(128 * 1024);
    for (let i = 0; i < 10; i++) pages.took(9_000);
    expect(pages.bytes).toBe(64 * 1024);
  });

  it('keeps a size it was given', () => {
    const pages = new PageSize(1024 * 1024);
    pages.took(10);
    pages.took(60_000);
    expect(pages.bytes).toBe(1024 * 1024);
  });
});
