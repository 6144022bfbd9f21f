/** Tiếng Việt: các thẻ mẫu của đầu đọc ảo. */
import type { Translation } from '../../define.ts';
import type { uiSamples as en } from '../en/ui-samples.ts';

export const uiSamples = {
  'sample.cccd-2021': 'Căn cước công dân gắn chip (CCCD, 2021): PACE bằng số định danh và BAC, xác thực chip và xác thực chủ động',
  'sample.can-cuoc-2024': 'Thẻ căn cước (2024): PACE bằng số định danh và BAC, xác thực chip và xác thực chủ động',
  'sample.icao-td3-passport': 'Hộ chiếu Utopia (TD3): PACE và BAC, xác thực chip',
  'sample.foreign-td1-id': 'Thẻ căn cước Utopia (TD1): chỉ BAC, không có xác thực chip',
  'variant.tampered-dg': 'Ảnh bị sửa sau khi cấp',
  'variant.wrong-sod-signature': 'Chữ ký dữ liệu không hợp lệ',
  'variant.ds-not-signed-by-csca': 'Chứng thư ký không do CSCA tin cậy ký',
  'variant.unknown-csca': 'Ký bởi CSCA không tin cậy',
  'variant.expired-ds': 'Chứng thư ký đã hết hạn',
  'variant.revoked-ds': 'Chứng thư ký đã bị thu hồi',
  'variant.sod-missing-dg-hash': 'Một nhóm dữ liệu thiếu mã băm trong chữ ký',
  'variant.cloned-chip': 'Chip bị sao chép',
  'variant.dg1-dg13-mismatch': 'DG13 mâu thuẫn với DG1',
  'variant.expired-document': 'Giấy tờ hết hạn',
  'variant.malformed-dg-tlv': 'Một nhóm dữ liệu sai định dạng',
  'variant.truncated-sod': 'Chữ ký dữ liệu bị cắt cụt',
  'variant.without-pace': 'Không có PACE: mở bằng số định danh và ngày sinh (BAC)',
  'variant.dg13-flat': 'DG13 không có lớp bọc (dạng phẳng)',
  'variant.dg13-parents-together': 'DG13 ghi cả cha và mẹ trong một dãy',
  'variant.dg13-empty': 'DG13 không có trường nào',
} satisfies Translation<typeof en>;
