/** Tiếng Việt: lỗi của các tầng thấp (byte, mật mã, ASN.1). */
import type { Translation } from '../../define.ts';
import type { dataErrors as en } from '../en/errors-data.ts';

export const dataErrors = {
  HEX_INVALID: 'Chuỗi hexa không hợp lệ',
  BASE64_INVALID: (p) => `Chuỗi ${p.encoding} không hợp lệ`,
  TLV_MALFORMED: 'Dữ liệu trên giấy tờ bị lỗi định dạng',
  ASN1_MALFORMED: 'Dữ liệu bảo mật của giấy tờ bị lỗi định dạng',
  PADDING_INVALID: 'Chip gửi dữ liệu có phần đệm không hợp lệ',
  DH_VALUE_INVALID: 'Giá trị Diffie-Hellman không hợp lệ',
  EC_CURVE_UNKNOWN: (p) => `Đường cong elliptic không được hỗ trợ: ${p.curve}`,
  EC_PARAMS_INVALID: 'Tham số đường cong elliptic không hợp lệ',
  EC_POINT_INVALID: 'Điểm trên đường cong elliptic không hợp lệ',
  EC_MAP_UNSUPPORTED: (p) => `Không có phép ánh xạ điểm cho đường cong ${p.curve}`,
  ECDSA_SIGNATURE_MALFORMED: 'Chữ ký ECDSA sai định dạng',
} satisfies Translation<typeof en>;
