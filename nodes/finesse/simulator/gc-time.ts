/** The two timestamp forms GC puts into events: `yyyy-MM-dd HH:mm:ss` in local time (as GC 4.2.9 does) and ISO-8601. */
export interface GcTime {
  text: string;
  iso: string;
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function gcTimeText(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export function gcNow(): GcTime {
  const date = new Date();
  return { text: gcTimeText(date), iso: date.toISOString() };
}
