/** Every id and token the simulator makes, drawn from the seeded RNG so a seed replays the same values. */
import { Random } from '../../shared/simulator/random';

const HEX = '0123456789abcdef';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export class Ids {
  constructor(private readonly rng: Random) {}

  /** A version-4 UUID, the shape of the vendor's subscription, engagement and event ids. */
  uuid(): string {
    const nibbles = Array.from({ length: 32 }, () => HEX[this.rng.int(0, 15)]);
    nibbles[12] = '4';
    nibbles[16] = HEX[8 + this.rng.int(0, 3)];
    const hex = nibbles.join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** Decimal digits as a string; dialog and provider ids keep their leading zeros on the wire. */
  digits(count: number): string {
    return Array.from({ length: count }, () => String(this.rng.int(0, 9))).join('');
  }

  base64url(length: number): string {
    return Array.from({ length }, () => BASE64URL[this.rng.int(0, 63)]).join('');
  }
}

export function base64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
