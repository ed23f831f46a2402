import type { DatasetSchema, RowOf } from './types';
import { count, measure, schoolIdColumn } from './columns';
import { PART_STAGES } from './values';

export const resources = {
  id: 'resources',
  zh: '办学条件',
  en: 'School resources',
  description: '优质均衡资源配置7项指标的原始数据。九年一贯制、十二年一贯制学校按小学部、初中部各填一行。',
  perYear: true,
  optional: false,
  primaryKey: ['school_id', 'stage'],
  columns: [
    schoolIdColumn,
    { key: 'stage', zh: '学段', en: 'Stage', type: 'enum', required: true, values: PART_STAGES, description: '小学或初中；一贯制学校每个学段一行。', example: '小学' },
    { ...count('students', '在校生数', 'Students', true, '学年初在校生数（基础基312/313表口径）。', '1200'), pupils: 'count' },
    count('qualified_teachers', '高于规定学历教师数', 'Teachers above required qualification', false, '学历高于规定学历的专任教师数（小学专科及以上、初中本科及以上）。', '62'),
    count('backbone_teachers', '县级及以上骨干教师数', 'County-level or higher backbone teachers', false, '县级及以上骨干教师数。', '14'),
    count('pe_arts_teachers', '体育艺术专任教师数', 'PE and arts teachers', false, '体育、艺术（美术、音乐）专任教师数。', '12'),
    measure('teaching_space_m2', '教学及辅助用房面积', 'Teaching and auxiliary space', false, 'm²', '教学及辅助用房建筑面积。', '6100'),
    measure('sports_space_m2', '体育运动场馆面积', 'Sports grounds and halls', false, 'm²', '体育运动场（馆）面积。', '9600'),
    measure('equipment_value_yuan', '教学仪器设备值', 'Teaching equipment value', false, '元', '教学仪器设备资产值。', '2600000'),
    count('multimedia_rooms', '网络多媒体教室数', 'Networked multimedia classrooms', false, '网络多媒体教室间数。', '30', '间'),
    count('classes', '班级数', 'Classes', false, '该学段班级数。', '27', '个'),
    count('music_rooms', '音乐专用教室数', 'Music rooms', false, '音乐专用教室间数。', '3', '间'),
    count('art_rooms', '美术专用教室数', 'Art rooms', false, '美术专用教室间数。', '3', '间'),
    measure('campus_area_m2', '校园占地面积', 'Campus area', false, 'm²', '校园占地面积。', '24000'),
    measure('building_area_m2', '校舍建筑面积', 'Building area', false, 'm²', '校舍建筑面积。', '11000'),
  ],
} as const satisfies DatasetSchema;

export type ResourceRow = RowOf<typeof resources>;
