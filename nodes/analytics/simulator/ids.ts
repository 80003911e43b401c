/** Guids and segment ids drawn from the seeded RNG, so a seed replays the same values. */
import { Random } from '../../shared/simulator/random';

const HEX = '0123456789abcdef';

/** A version-4 UUID, the shape of the document's guid and segmentId examples. */
export function seededUuid(rng: Random): string {
  const nibbles = Array.from({ length: 32 }, () => HEX[rng.int(0, 15)]);
  nibbles[12] = '4';
  nibbles[16] = HEX[8 + rng.int(0, 3)];
  const hex = nibbles.join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
