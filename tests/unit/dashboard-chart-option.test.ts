// The dashboard's charts hand ECharts the layout once and then only data that changed: a refresh with
// the same bars draws nothing, new counts merge in the values alone, new categories the axis too, and a
// new look (or the first draw) starts from the layout.
import { describe, expect, it } from 'vitest';
import { chartUpdate, showsAlready, type ChartLook } from '../../renderer/staff/dashboard/chart-option.js';

const bar: ChartLook = { kind: 'bar', fontSize: 14 };
const bigBar: ChartLook = { kind: 'bar', fontSize: 26 };
const data = { labels: ['综合', '社保'], values: [3, 1] };

describe('chartUpdate', () => {
  it('draws the layout, then the data, on the first refresh', () => {
    const first = chartUpdate(null, bar, data)!;
    expect(first.options.map((o) => o.notMerge)).toEqual([true, false]);
    const layout = first.options[0]!.option as { animation: boolean; series: Array<{ type: string; data: unknown[] }> };
    expect(layout.animation).toBe(false);
    expect(layout.series[0]).toMatchObject({ type: 'bar', data: [] });
    expect(first.options[1]!.option).toEqual({ xAxis: { data: ['综合', '社保'] }, series: [{ data: [3, 1] }] });
    expect(first.drawn).toEqual({ look: 'bar 14', labels: ['综合', '社保'], values: [3, 1] });
  });

  it('draws nothing when the same data comes again in new arrays', () => {
    const { drawn } = chartUpdate(null, bar, data)!;
    expect(chartUpdate(drawn, bar, { labels: ['综合', '社保'], values: [3, 1] })).toBeNull();
    expect(showsAlready(drawn, bar, { labels: [...data.labels], values: [...data.values] })).toBe(true);
  });

  it('merges in the values alone when only the counts changed, the categories too when they changed', () => {
    const { drawn } = chartUpdate(null, bar, data)!;
    const counts = chartUpdate(drawn, bar, { labels: data.labels, values: [4, 1] })!;
    expect(counts.options).toEqual([{ option: { series: [{ data: [4, 1] }] }, notMerge: false }]);
    const categories = chartUpdate(counts.drawn, bar, { labels: ['综合', '社保', '医保'], values: [4, 1, 0] })!;
    expect(categories.options).toEqual([{ option: { xAxis: { data: ['综合', '社保', '医保'] }, series: [{ data: [4, 1, 0] }] }, notMerge: false }]);
  });

  it('starts again from the layout when the look changes', () => {
    const { drawn } = chartUpdate(null, bar, data)!;
    expect(showsAlready(drawn, bigBar, data)).toBe(false);
    const again = chartUpdate(drawn, bigBar, data)!;
    expect(again.options.map((o) => o.notMerge)).toEqual([true, false]);
    expect((again.options[0]!.option as { xAxis: { axisLabel: { fontSize: number } } }).xAxis.axisLabel.fontSize).toBe(26);
  });

  it('hands a pie its slices by name', () => {
    const pie = chartUpdate(null, { kind: 'pie', fontSize: 14 }, { labels: ['已受理', '已办结'], values: [5, 2] })!;
    expect(pie.options[1]!.option).toEqual({ series: [{ data: [{ name: '已受理', value: 5 }, { name: '已办结', value: 2 }] }] });
  });

  it('keeps its own copy of what it drew', () => {
    const labels = ['综合'];
    const values = [1];
    const { drawn } = chartUpdate(null, bar, { labels, values })!;
    values[0] = 2;
    expect(showsAlready(drawn, bar, { labels, values })).toBe(false);
  });
});
