'use client';

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type ChartPoint = { day: string; signatures: number; letters: number; views: number };

// Colours pass 3:1 against white (WCAG 1.4.11); the two lines also differ by dash pattern, and the
// data table beside each chart carries the numbers.
const SIGNATURES = '#1d4ed8';
const LETTERS = '#b45309';
const VIEWS = '#1e3a8a';

const shortDay = (day: string) => day.slice(5);

export function ActivityChart({ data }: { data: ChartPoint[] }) {
  return (
    <div className="h-72 w-full" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="day" tickFormatter={shortDay} minTickGap={24} stroke="#475569" />
          <YAxis allowDecimals={false} stroke="#475569" width={48} />
          <Tooltip />
          <Legend />
          <Line type="monotone" dataKey="signatures" name="Signatures" stroke={SIGNATURES} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line
            type="monotone"
            dataKey="letters"
            name="Letters"
            stroke={LETTERS}
            strokeWidth={2}
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function ViewsChart({ data }: { data: ChartPoint[] }) {
  return (
    <div className="h-64 w-full" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="day" tickFormatter={shortDay} minTickGap={24} stroke="#475569" />
          <YAxis allowDecimals={false} stroke="#475569" width={48} />
          <Tooltip />
          <Bar dataKey="views" name="Page views" fill={VIEWS} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
