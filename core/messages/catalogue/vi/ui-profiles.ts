/** Tiếng Việt: những thông tin mà hồ sơ mục đích cho hiển thị, và số định danh được che trong lịch sử. */
import type { Translation } from '../../define.ts';
import type { uiProfiles as en } from '../en/ui-profiles.ts';

export const uiProfiles = {
  'field.age': 'Tuổi',
  'field.ageYears': (p) => `${p.years} tuổi`,
  'field.face': 'Ảnh chân dung',
  'settings.displayFields': 'Hiển thị trên màn hình kết quả',
  'settings.displayDefault': 'Mặc định của hồ sơ mục đích',
} satisfies Translation<typeof en>;
