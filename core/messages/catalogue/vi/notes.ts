/** Tiếng Việt: ghi chú kèm kết quả (không phải lỗi hay lưu ý). */
import type { Translation } from '../../define.ts';
import type { notes as en, ExpiryRule } from '../en/notes.ts';

const EXPIRY_RULE_TEXTS: Record<ExpiryRule, (age: number) => string> = {
  milestone: (age) => `hạn đến khi đủ ${age} tuổi`,
  'milestone-two-year': (age) => `hạn đến khi đủ ${age} tuổi (cấp trong vòng 2 năm trước mốc tuổi trước đó)`,
  'next-milestone': (age) => `hạn đến mốc tuổi tiếp theo (đủ ${age} tuổi)`,
  'passed-milestone': (age) => `hạn đến khi đủ ${age} tuổi (thẻ có thể đã hết hạn)`,
  'no-expiry': () => 'không thời hạn',
};

export const notes = {
  ACCESS_KEY_ASSUMED: (p) => `Chip mở được với giả định ${EXPIRY_RULE_TEXTS[p.rule](p.age)}: đã thử ${p.tried} trên ${p.total} khoá.`,
  ACCESS_KEY_CAN_FROM_ID_NUMBER: (p) => `Chip mở được bằng PACE, mã CAN là 6 chữ số cuối của số định danh: đã thử ${p.tried} trên ${p.total} khoá.`,
  TRUST_IMPORTED: (p) => `Đã thêm ${p.certificates} chứng thư và ${p.crls} danh sách thu hồi (CRL).`,
} satisfies Translation<typeof en>;
