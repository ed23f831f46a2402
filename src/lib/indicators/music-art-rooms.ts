/**
 * Music and art rooms: every school with ≥ `music_art_room_classes` (12) classes has at least
 * one music and one art room per 12 classes. Value = rooms × 12 ÷ classes (rooms per 12
 * classes); the school needs ⌈classes ÷ 12⌉ of each. Under 12 classes: not applicable.
 */
import type { ResourceRow } from '../schema';
import type { StandardsIndex } from '../standards';
import { makeCheck } from './check';
import type { Check, Computed } from './types';
import { missing, notApplicable, tidy, value } from './values';

function perUnit(rooms: number | null, column: string, classes: number | null, unit: number, missingWhat: string | null): Computed {
  if (missingWhat) return missing(missingWhat);
  if (classes == null) return missing('resources.classes');
  if (classes < unit) return notApplicable(`班级数${classes}个，不足${unit}个，不适用`);
  if (rooms == null) return missing(`resources.${column}`);
  return value(tidy((rooms * unit) / classes));
}

export function requiredRooms(classes: number, standards: StandardsIndex): number {
  return Math.ceil(classes / standards.threshold('music_art_room_classes'));
}

export function musicArtRooms(row: ResourceRow | undefined, standards: StandardsIndex, missingWhat: string): { music: Check; art: Check } {
  const unit = standards.threshold('music_art_room_classes');
  const m = row ? null : missingWhat;
  return {
    music: makeCheck(standards.get('music_rooms_per_12_classes'), perUnit(row?.music_rooms ?? null, 'music_rooms', row?.classes ?? null, unit, m)),
    art: makeCheck(standards.get('art_rooms_per_12_classes'), perUnit(row?.art_rooms ?? null, 'art_rooms', row?.classes ?? null, unit, m)),
  };
}
