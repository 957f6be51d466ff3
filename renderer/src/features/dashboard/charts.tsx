// The dashboard's Recharts drawings: bars by category (with click-through to the register), the
// official totals by year with the growth index, grouped and stacked bars. No animation: a chart
// is painted at once and the same every time (screenshots, exports). The legend is HTML under the
// plot, not Recharts' own: Recharts measures its legend after drawing and draws the chart again to
// make room for it — on the dashboard's eleven charts that second pass cost a quarter of a second.
import { useEffect, useState, type ReactElement, type ReactNode } from 'react';
import './dashboard.css';
import { Bar, BarChart, CartesianGrid, ComposedChart, LabelList, Line, ResponsiveContainer, Text, Tooltip, XAxis, YAxis } from 'recharts';

const AXIS_TEXT = { fill: 'var(--mantine-color-text)', fontSize: 12 } as const;

type TickProps = { payload: { value: unknown }; index: number; tickFormatter?: ((value: unknown, index: number) => string) | undefined };

/**
 * An axis label drawn as Recharts draws it (its Text, wrapped to the axis width), under a class of
 * our own: Recharts reads the font of the labels of its own class after drawing them, and then draws
 * every axis a second time (the dashboard has 22).
 */
function AxisTick(props: TickProps) {
  const value = props.tickFormatter ? props.tickFormatter(props.payload.value, props.index) : String(props.payload.value);
  return <Text {...props} {...AXIS_TEXT} className="chart-tick">{value}</Text>;
}

const AXIS = (props: TickProps) => <AxisTick {...props} />;
// Axes with few labels and room for all (amounts and counts up the side, the years) show every
// label (`interval={0}`): Recharts then need not measure each label to choose which to leave out.
const TOOLTIP = {
  contentStyle: { background: 'var(--mantine-color-body)', border: '1px solid var(--mantine-color-default-border)', color: 'var(--mantine-color-text)' },
  labelStyle: { color: 'var(--mantine-color-text)', fontWeight: 600 },
  itemStyle: { color: 'var(--mantine-color-text)' },
} as const;
const LABEL = { fill: 'var(--mantine-color-text)', fontSize: 12 } as const;

export type LegendItem = { name: string; color: string; kind: 'bar' | 'line' };

/**
 * The series of a chart under its plot: a swatch in the series colour (a square for bars, a line
 * with its dot for a line) and the name in the text colour (light series colours are unreadable as
 * text). The chart's picture export draws the same entries (`data-legend-color`).
 */
export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="chart-legend" data-testid="chart-legend">
      {items.map((item) => (
        <li key={item.name} data-legend-color={item.color}>
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            {item.kind === 'line'
              ? <><line x1="0" y1="7" x2="14" y2="7" stroke={item.color} strokeWidth="2" /><circle cx="7" cy="7" r="3.5" fill={item.color} /></>
              : <rect width="14" height="14" fill={item.color} />}
          </svg>
          <span>{item.name}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The drawing, sized to its box. Its tooltip is mounted once the browser is idle after the chart is
 * drawn: mounted with the chart, Recharts measures every tooltip's box while the dashboard opens
 * (eleven of them), for nothing until someone points at a bar. (Not on the first pointing: the
 * chart drawn again under the pointer lost the click on a bar.)
 */
function Plot({ children }: { children: (tips: boolean) => ReactElement }) {
  const [tips, setTips] = useState(false);
  useEffect(() => {
    if (tips) return undefined;
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(() => setTips(true), 0);
      return () => clearTimeout(timer);
    }
    const id = requestIdleCallback(() => setTips(true), { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }, [tips]);
  return (
    <div className="chart-box">
      <ResponsiveContainer width="100%" height="100%">{children(tips)}</ResponsiveContainer>
    </div>
  );
}

/** A chart's plot filling the room left above its legend. */
function WithLegend({ items, children }: { items: readonly LegendItem[]; children: ReactNode }) {
  return (
    <div className="chart-with-legend">
      <div className="chart-plot">{children}</div>
      <ChartLegend items={items} />
    </div>
  );
}

export type CategoryDatum = { key: string; label: string; value: number; detail: string };

/**
 * Horizontal bars, one per category; clicking one calls `onPick` with its key. `whole`: the values
 * are counts (no ticks between whole numbers: «0, 0, 1, 1» when they were rounded).
 */
export function CategoryBars(props: { data: readonly CategoryDatum[]; color: string; format: (v: number) => string; name: string; onPick?: ((key: string) => void) | undefined; labelWidth?: number; whole?: boolean }) {
  const { onPick } = props;
  return (
    <Plot>{(tips) => (
      <BarChart data={[...props.data]} layout="vertical" margin={{ top: 4, right: 96, bottom: 4, left: 4 }} accessibilityLayer>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" />
        <XAxis type="number" tick={AXIS} allowDecimals={!props.whole} tickFormatter={(v: number) => props.format(v)} stroke="var(--mantine-color-dimmed)" />
        <YAxis type="category" dataKey="label" width={props.labelWidth ?? 190} tick={AXIS} interval={0} stroke="var(--mantine-color-dimmed)" />
        {tips && <Tooltip {...TOOLTIP} cursor={{ fill: 'var(--mantine-color-default-hover)' }} formatter={(_v, _n, item) => [(item.payload as CategoryDatum).detail, props.name]} />}
        <Bar
          dataKey="value"
          name={props.name}
          fill={props.color}
          isAnimationActive={false}
          {...(onPick ? {
            cursor: 'pointer',
            onClick: (d: unknown) => {
              const key = (d as { payload?: CategoryDatum }).payload?.key;
              if (key !== undefined) onPick(key);
            },
          } : {})}
        >
          <LabelList dataKey="value" position="right" style={LABEL} formatter={(v: unknown) => props.format(Number(v))} />
        </Bar>
      </BarChart>
    )}</Plot>
  );
}

export type YearDatum = { year: string; attracted: number | null; plan: number | null; growth: number | null; attractedLabel: string; growthLabel: string };

/** Official totals by year: attracted (and plan) bars with the amount on the bar, growth index as a line. */
export function InvestmentChart(props: { data: readonly YearDatum[]; hasPlan: boolean; formatTenge: (v: number) => string; names: { attracted: string; plan: string; growth: string }; colors: { attracted: string; plan: string; growth: string } }) {
  // A line needs two years; the index is also written inside each bar, in white on the bar colour.
  const hasGrowth = props.data.filter((d) => d.growth !== null).length >= 2;
  const legend: LegendItem[] = [
    ...(props.hasPlan ? [{ name: props.names.plan, color: props.colors.plan, kind: 'bar' as const }] : []),
    { name: props.names.attracted, color: props.colors.attracted, kind: 'bar' },
    ...(hasGrowth ? [{ name: props.names.growth, color: props.colors.growth, kind: 'line' as const }] : []),
  ];
  return (
    <WithLegend items={legend}>
      <Plot>{(tips) => (
        <ComposedChart data={[...props.data]} margin={{ top: 28, right: 16, bottom: 4, left: 16 }} accessibilityLayer>
          <CartesianGrid vertical={false} strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" />
          <XAxis dataKey="year" tick={AXIS} interval={0} stroke="var(--mantine-color-dimmed)" />
          <YAxis yAxisId="tenge" tick={AXIS} interval={0} width={90} tickFormatter={(v: number) => props.formatTenge(v)} stroke="var(--mantine-color-dimmed)" />
          {hasGrowth && <YAxis yAxisId="pct" orientation="right" tick={AXIS} interval={0} tickFormatter={(v: number) => `${v}%`} domain={[0, 'auto']} stroke="var(--mantine-color-dimmed)" />}
          {tips && (
            <Tooltip {...TOOLTIP} cursor={{ fill: 'var(--mantine-color-default-hover)' }}
              formatter={(v, name, item) => {
                const d = item.payload as YearDatum;
                if (name === props.names.growth) return [d.growthLabel, name];
                if (name === props.names.attracted) return [d.attractedLabel, name];
                return [props.formatTenge(Number(v)), name];
              }}
            />
          )}
          {props.hasPlan && <Bar yAxisId="tenge" dataKey="plan" name={props.names.plan} fill={props.colors.plan} isAnimationActive={false} />}
          <Bar yAxisId="tenge" dataKey="attracted" name={props.names.attracted} fill={props.colors.attracted} isAnimationActive={false} maxBarSize={120}>
            <LabelList dataKey="attractedLabel" position="top" style={{ ...LABEL, fontWeight: 600 }} />
            <LabelList dataKey="growthLabel" position="insideTop" offset={10} style={{ fill: '#ffffff', fontSize: 12, fontWeight: 600 }} />
          </Bar>
          {hasGrowth && (
            <Line yAxisId="pct" dataKey="growth" name={props.names.growth} stroke={props.colors.growth} strokeWidth={2} dot={{ r: 5, fill: props.colors.growth }} isAnimationActive={false} connectNulls />
          )}
        </ComposedChart>
      )}</Plot>
    </WithLegend>
  );
}

export type SeriesDef = { key: string; name: string; color: string };

/** Vertical bars by category, several series side by side or stacked. */
export function SeriesBars(props: { data: readonly Record<string, string | number>[]; category: string; series: readonly SeriesDef[]; stacked?: boolean; layout?: 'horizontal' | 'vertical'; format?: (v: number) => string; labelWidth?: number }) {
  const vertical = props.layout === 'vertical';
  const fmt = props.format ?? ((v: number) => String(v));
  return (
    <WithLegend items={props.series.map((s) => ({ name: s.name, color: s.color, kind: 'bar' }))}>
      <Plot>{(tips) => (
        <BarChart data={[...props.data]} layout={vertical ? 'vertical' : 'horizontal'} margin={{ top: 16, right: 24, bottom: 4, left: 4 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" horizontal={!vertical} vertical={vertical} />
          {vertical ? (
            <>
              <XAxis type="number" tick={AXIS} interval={0} allowDecimals={false} tickFormatter={(v: number) => fmt(v)} stroke="var(--mantine-color-dimmed)" />
              <YAxis type="category" dataKey={props.category} width={props.labelWidth ?? 190} tick={AXIS} interval={0} stroke="var(--mantine-color-dimmed)" />
            </>
          ) : (
            <>
              <XAxis dataKey={props.category} tick={AXIS} stroke="var(--mantine-color-dimmed)" />
              <YAxis tick={AXIS} interval={0} allowDecimals={false} tickFormatter={(v: number) => fmt(v)} stroke="var(--mantine-color-dimmed)" />
            </>
          )}
          {tips && <Tooltip {...TOOLTIP} cursor={{ fill: 'var(--mantine-color-default-hover)' }} formatter={(v) => fmt(Number(v))} />}
          {props.series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} {...(props.stacked ? { stackId: 'all' } : {})}>
              {!props.stacked && <LabelList dataKey={s.key} position={vertical ? 'right' : 'top'} style={LABEL} formatter={(v: unknown) => fmt(Number(v))} />}
            </Bar>
          ))}
        </BarChart>
      )}</Plot>
    </WithLegend>
  );
}
