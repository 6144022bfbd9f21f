/** Tiếng Việt: lỗi của dữ liệu giấy tờ (MRZ, mã QR trên CCCD, tệp LDS, thư mục dữ liệu, bộ tạo giấy tờ mẫu). */
import type { Translation } from '../../define.ts';
import type { documentErrors as en, MrzField, MrzProblem, QrProblem } from '../en/errors-documents.ts';

export const MRZ_FIELD_NAMES: Record<MrzField, string> = {
  format: 'định dạng MRZ', documentCode: 'loại giấy tờ', issuingState: 'quốc gia cấp', documentNumber: 'số giấy tờ',
  idNumber: 'số định danh cá nhân', dateOfBirth: 'ngày sinh', sex: 'giới tính', dateOfExpiry: 'ngày hết hạn',
  nationality: 'quốc tịch', optionalData: 'dữ liệu tuỳ chọn', composite: 'số kiểm tra tổng hợp', name: 'họ tên', can: 'mã CAN',
};

const MRZ_PROBLEM_TEXTS: Record<MrzProblem, string> = {
  checkDigit: 'số kiểm tra không khớp (gõ hoặc đọc sai ký tự?)',
  characters: 'chỉ được dùng A-Z, 0-9 và <',
  character: 'có ký tự không được phép trong MRZ',
  tooLong: 'chuỗi quá dài so với MRZ',
  lineLengths: 'không đúng 3 dòng 30 ký tự, 2 dòng 36 hoặc 2 dòng 44 ký tự',
  empty: 'đang để trống',
  lettersAndDigits: 'chỉ gồm chữ và số',
  noCheckDigit: 'số giấy tờ dài thiếu số kiểm tra',
  documentCode: 'không phải mã loại giấy tờ',
  stateCode: 'không phải mã quốc gia',
  sex: 'không phải M, F hoặc <',
  idDigits: 'số định danh cá nhân gồm 12 chữ số',
  canDigits: 'mã CAN gồm 6 chữ số',
  futureBirthDate: 'ngày sinh ở tương lai',
  isoDate: 'không phải ngày hợp lệ (YYYY-MM-DD)',
  yymmdd: 'không phải ngày dạng YYMMDD',
  calendarDate: 'không phải ngày có thật',
  anyDate: 'không phải ngày (dùng DD/MM/YYYY)',
};

const QR_PROBLEM_TEXTS: Record<QrProblem, string> = {
  tooLong: 'chuỗi quá dài',
  fieldCount: "có ít hơn 7 trường ngăn cách bởi '|'",
  idNumber: 'trường 1 không phải số định danh 12 chữ số',
  oldIdNumber: 'trường 2 không phải số CMND 9 chữ số',
  nameEmpty: 'họ tên trống',
  birthDateFormat: 'ngày sinh không đúng dạng ngàythángnăm',
  birthDateInvalid: 'ngày sinh không phải ngày có thật',
  issueDateFormat: 'ngày cấp không đúng dạng ngàythángnăm',
  issueDateInvalid: 'ngày cấp không phải ngày có thật',
};

export const documentErrors = {
  MRZ_INVALID: (p) => `MRZ sai ở ${MRZ_FIELD_NAMES[p.field]}: ${MRZ_PROBLEM_TEXTS[p.problem]}`,
  QR_INVALID: (p) => `Không đọc được mã QR trên thẻ: ${QR_PROBLEM_TEXTS[p.problem]}`,
  LDS_MALFORMED: (p) => `Tệp ${p.file} trên giấy tờ bị lỗi định dạng`,
  DUMP_INVALID: 'Không đọc được thư mục dữ liệu',
  DUMP_NOT_FOUND: 'Không đọc được thư mục dữ liệu: thư mục không có hoặc không được phép truy cập',
  DUMP_INCOMPLETE: 'Thư mục dữ liệu không có COM hoặc DG1',
  DUMP_FILE_TOO_LARGE: (p) => `Tệp ${p.file} lớn hơn ${p.maxBytes} byte`,
  FACTORY_OPTION_NOT_APPLICABLE: (p) => `PACE-CAM không áp dụng cho loại giấy tờ ${p.profile}`,
  FACTORY_VARIANT_NOT_APPLICABLE: (p) => `Biến thể ${p.variant} không áp dụng cho loại giấy tờ ${p.profile}`,
  FACTORY_BAD_KEY: 'Khoá thử nghiệm đã lưu không đầy đủ',
} satisfies Translation<typeof en>;
