import { describe, expect, it } from 'vitest';
import { fillTemplate } from './fillTemplate';

describe('fillTemplate', () => {
  it('fills every known placeholder with its value', () => {
    const filled = fillTemplate('{name} completed {course} ({hours} hours) on {dates}.', {
      name: 'Aiyana Flores',
      course: 'CubeSat design',
      hours: 40,
      dates: '3–7 March 2027',
    });
    expect(filled).toEqual({
      text: 'Aiyana Flores completed CubeSat design (40 hours) on 3–7 March 2027.',
      unknown: [],
    });
  });

  it('leaves an unknown placeholder visible and reports it once when it is misspelt', () => {
    const filled = fillTemplate('{nmae} completed {course}. {nmae} {place}', { course: 'Orbits' });
    expect(filled.text).toBe('{nmae} completed Orbits. {nmae} {place}');
    expect(filled.unknown).toEqual(['nmae', 'place']);
  });

  it('keeps a value that looks like HTML as literal text', () => {
    const filled = fillTemplate('Awarded to {name}', { name: '<img src=x onerror=alert(1)>' });
    expect(filled.text).toBe('Awarded to <img src=x onerror=alert(1)>');
  });

  it('does not fill placeholders that appear inside a value', () => {
    const filled = fillTemplate('{name}: {course}', { name: '{course}', course: 'Thermal control' });
    expect(filled).toEqual({ text: '{course}: Thermal control', unknown: [] });
  });

  it('ignores braces that are not placeholders and names inherited from Object', () => {
    const filled = fillTemplate('{ name } {} {toString} {constructor}', { name: 'X' });
    expect(filled.text).toBe('{ name } {} {toString} {constructor}');
    expect(filled.unknown).toEqual(['toString', 'constructor']);
  });

  it('prints names in one Unicode form when the value was typed decomposed', () => {
    const decomposed = 'Nguye\u0302\u0303n Thi\u0323 Ha\u0300';
    const filled = fillTemplate('{name}', { name: decomposed });
    expect(filled.text).toBe('Nguyễn Thị Hà');
    expect(filled.text).toBe(decomposed.normalize('NFC'));
  });

  it('fills names in right-to-left and CJK scripts unchanged', () => {
    expect(fillTemplate('{name} / {course}', { name: 'فاطمة الزهراء', course: '卫星设计' }).text).toBe(
      'فاطمة الزهراء / 卫星设计',
    );
  });
});
