/**
 * Music and art rooms (教督〔2017〕6号 第六条第（三）项: 所有小学、初中每12个班级配备音乐、美术
 * 专用教室1间以上), counted for the whole school: the classes of a nine-year school's primary
 * and junior parts are added, and so are the rooms on its two resources.csv rows (a room the
 * parts share is entered on one row only). The school needs ⌈classes ÷ 12⌉ × 1 rooms of each,
 * and at least one of each even with fewer than 12 classes (11 + 8 = 19 classes → 2 + 2 rooms).
 * The check compares rooms held with rooms required, in 间.
 */
import type { ResourceRow } from '../schema';
import type { StandardsIndex } from '../standards';
import { makeAdHocCheck } from './check';
import type { Check, Computed, MusicArtRooms } from './types';
import { missing, value } from './values';

function sumColumn(rows: readonly ResourceRow[], col: 'classes' | 'music_rooms' | 'art_rooms'): Computed {
  let s = 0;
  for (const r of rows) {
    const v = r[col];
    if (v == null) return missing(`resources.${col}`);
    s += v;
  }
  return value(s);
}

/** Rooms of one kind a school with `classes` classes needs: ⌈classes ÷ unit⌉ × perUnit, at least perUnit. */
export function requiredRooms(classes: number, standards: StandardsIndex, key: 'music_rooms_per_12_classes' | 'art_rooms_per_12_classes' = 'music_rooms_per_12_classes'): number {
  const unit = standards.threshold('music_art_room_classes');
  const perUnit = standards.threshold(key);
  return Math.max(1, Math.ceil(classes / unit)) * perUnit;
}

/**
 * Whole-school music and art rooms. `rows`: the school's resources rows of the year (one per
 * part); undefined → the file or the school's rows are missing (`missingWhat`).
 */
export function musicArtRooms(rows: readonly ResourceRow[] | undefined, standards: StandardsIndex, missingWhat: string): MusicArtRooms {
  const none = !rows || rows.length === 0 ? missing(missingWhat) : null;
  const classes = none ?? sumColumn(rows!, 'classes');
  const music = none ?? sumColumn(rows!, 'music_rooms');
  const art = none ?? sumColumn(rows!, 'art_rooms');
  const one = (key: 'music_rooms_per_12_classes' | 'art_rooms_per_12_classes', held: Computed): { check: Check; required: number | null } => {
    const required = classes.kind === 'value' ? requiredRooms(classes.value, standards, key) : null;
    const v: Computed = classes.kind !== 'value' ? classes : held;
    return { check: makeAdHocCheck(key, required ?? standards.threshold(key), '>=', '间', v), required };
  };
  const m = one('music_rooms_per_12_classes', music);
  const a = one('art_rooms_per_12_classes', art);
  return { classes, musicRooms: music, artRooms: art, musicRequired: m.required, artRequired: a.required, music: m.check, art: a.check };
}
