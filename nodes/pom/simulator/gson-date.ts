const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Gson's default `java.util.Date` text, `MMM d, yyyy h:mm:ss a` in en-US (spec §2.2), e.g. "Jun 13, 2022 1:59:56 PM".
 * Gson writes the server's local time without a zone; the simulated POM server runs in UTC so the text is
 * reproducible on any machine. The separator before AM/PM is a plain space, as Java 8 (the SDK's runtime) wrote it.
 */
export function gsonDate(epochMs: number): string {
  const d = new Date(epochMs);
  const hours = d.getUTCHours();
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} ` +
    `${h12}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
}
