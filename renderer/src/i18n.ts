/** Every word the clerk sees, in Vietnamese and English. */
export type Lang = 'vi' | 'en';

const STRINGS = {
  appTitle: { vi: 'Xác thực căn cước gắn chip', en: 'Chip ID verification' },
  placeCard: { vi: 'Đặt thẻ lên đầu đọc', en: 'Place the card on the reader' },
  keyTitle: { vi: 'Thông tin mở chip', en: 'Key to open the chip' },
  keyCccd: { vi: 'Số CCCD + ngày sinh', en: 'ID number + birth date' },
  keyMrz: { vi: 'Dải MRZ', en: 'Full MRZ' },
  keyQr: { vi: 'Quét mã QR', en: 'Scan QR code' },
  keyCan: { vi: 'Mã CAN', en: 'CAN' },
  keyDocument: { vi: 'Hộ chiếu', en: 'Passport' },
  idNumber: { vi: 'Số định danh (12 số)', en: 'ID number (12 digits)' },
  documentNumber: { vi: 'Số giấy tờ', en: 'Document number' },
  dateOfBirth: { vi: 'Ngày sinh (YYMMDD)', en: 'Date of birth (YYMMDD)' },
  dateOfExpiry: { vi: 'Ngày hết hạn (YYMMDD)', en: 'Date of expiry (YYMMDD)' },
  expiryDerived: { vi: 'Tự tính từ ngày sinh nếu để trống', en: 'Derived from the birth date when empty' },
  mrzLabel: { vi: 'Dán hoặc nhập 2–3 dòng MRZ', en: 'Type or paste the 2–3 MRZ lines' },
  qrLabel: { vi: 'Quét mã QR bằng máy quét (con trỏ ở ô này)', en: 'Scan the QR code with the scanner (cursor in this box)' },
  canLabel: { vi: 'Mã CAN 6 số', en: '6-digit CAN' },
  start: { vi: 'Đọc thẻ', en: 'Read card' },
  cancel: { vi: 'Huỷ', en: 'Cancel' },
  reading: { vi: 'Đang đọc thẻ…', en: 'Reading the card…' },
  keepCard: { vi: 'Giữ nguyên thẻ trên đầu đọc', en: 'Keep the card on the reader' },
  nextCustomer: { vi: 'Khách tiếp theo', en: 'Next customer' },
  retry: { vi: 'Thử lại', en: 'Try again' },
  VERIFIED: { vi: 'ĐÃ XÁC THỰC', en: 'VERIFIED' },
  NOT_VERIFIED: { vi: 'CHƯA XÁC THỰC ĐƯỢC', en: 'NOT VERIFIED' },
  FAILED: { vi: 'KHÔNG HỢP LỆ', en: 'FAILED' },
  verifiedReason: { vi: 'Thẻ thật, dữ liệu do cơ quan nhà nước cấp và chưa bị sửa đổi.', en: 'Genuine chip; the data was issued by the state and has not been altered.' },
  notVerifiedReason: { vi: 'Không chứng minh được nguồn gốc dữ liệu. Kiểm tra giấy tờ bằng cách khác.', en: 'The origin of the data could not be proven. Check the document another way.' },
  failedReason: { vi: 'Phát hiện dấu hiệu giả mạo hoặc sửa đổi. Không chấp nhận giấy tờ này.', en: 'Signs of forgery or tampering. Do not accept this document.' },
  checks: { vi: 'Các bước kiểm tra', en: 'Checks' },
  details: { vi: 'Chi tiết', en: 'Details' },
  history: { vi: 'Lịch sử', en: 'History' },
  settings: { vi: 'Cài đặt', en: 'Settings' },
  home: { vi: 'Xác thực', en: 'Verify' },
  search: { vi: 'Tìm theo số định danh hoặc họ tên', en: 'Search by ID number or name' },
  allVerdicts: { vi: 'Mọi kết quả', en: 'All verdicts' },
  noRecords: { vi: 'Chưa có bản ghi', en: 'No records' },
  synced: { vi: 'Đã đồng bộ', en: 'Synced' },
  pending: { vi: 'Chờ đồng bộ', en: 'Pending' },
  export: { vi: 'Xuất dữ liệu', en: 'Export' },
  supervisorPin: { vi: 'Nhập tên và mã PIN giám sát viên', en: 'Supervisor name and PIN' },
  operator: { vi: 'Người dùng', en: 'Operator' },
  pin: { vi: 'Mã PIN', en: 'PIN' },
  unlock: { vi: 'Mở khoá', en: 'Unlock' },
  save: { vi: 'Lưu', en: 'Save' },
  saved: { vi: 'Đã lưu', en: 'Saved' },
  terminalName: { vi: 'Tên quầy', en: 'Terminal name' },
  purpose: { vi: 'Mục đích sử dụng', en: 'Purpose profile' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  reader: { vi: 'Đầu đọc', en: 'Reader' },
  anyReader: { vi: 'Tự chọn', en: 'Automatic' },
  registryUrl: { vi: 'Địa chỉ máy chủ trung tâm', en: 'Registry URL' },
  enrolCode: { vi: 'Mã đăng ký', en: 'Enrolment code' },
  enrol: { vi: 'Đăng ký quầy', en: 'Enrol terminal' },
  trustStore: { vi: 'Chứng thư CSCA tin cậy', en: 'Trusted CSCA certificates' },
  importTrust: { vi: 'Nhập master list / chứng thư', en: 'Import master list / certificate' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  offline: { vi: 'Ngoại tuyến', en: 'Offline' },
  notConfigured: { vi: 'Chưa kết nối máy chủ', en: 'No registry' },
  pendingRecords: { vi: 'bản ghi chờ gửi', en: 'records pending' },
  trustAge: { vi: 'Danh sách tin cậy', en: 'Trust list' },
  never: { vi: 'chưa cập nhật', en: 'never updated' },
  noReader: { vi: 'Không có đầu đọc', en: 'No reader' },
  cardPresent: { vi: 'có thẻ', en: 'card present' },
  noCard: { vi: 'chưa có thẻ', en: 'no card' },
  demoCards: { vi: 'Thẻ mẫu (đầu đọc ảo)', en: 'Sample cards (virtual reader)' },
  insert: { vi: 'Đặt thẻ', en: 'Insert' },
  removeCard: { vi: 'Rút thẻ', en: 'Remove card' },
  photo: { vi: 'Ảnh chân dung', en: 'Photo' },
  previous: { vi: 'Trước', en: 'Previous' },
  next: { vi: 'Sau', en: 'Next' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  warnings: { vi: 'Lưu ý', en: 'Warnings' },
  time: { vi: 'Thời gian', en: 'Time' },
  name: { vi: 'Họ tên', en: 'Name' },
  verdict: { vi: 'Kết quả', en: 'Verdict' },
  sync: { vi: 'Đồng bộ', en: 'Sync' },
  signInTitle: { vi: 'Đăng nhập ca làm việc', en: 'Sign in for your shift' },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  invalidInput: { vi: 'Thông tin chưa đúng định dạng', en: 'The input is not in the right format' },
} as const;

export type StringKey = keyof typeof STRINGS;

export function t(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang];
}

const CHECK_LABELS: Record<string, { vi: string; en: string }> = {
  accessControl: { vi: 'Mở chip (kiểm soát truy cập)', en: 'Chip opened (access control)' },
  chipAuthentication: { vi: 'Chip thật (chống nhân bản)', en: 'Genuine chip (anti-cloning)' },
  dataGroupHashes: { vi: 'Dữ liệu không bị sửa', en: 'Data unaltered' },
  sodSignature: { vi: 'Chữ ký số của dữ liệu', en: 'Data signature' },
  certificateChain: { vi: 'Chứng thư cơ quan cấp', en: 'Issuing authority certificate' },
  revocation: { vi: 'Chứng thư chưa bị thu hồi', en: 'Certificate not revoked' },
  documentExpiry: { vi: 'Thời hạn giấy tờ', en: 'Document validity' },
  consistency: { vi: 'Dữ liệu khớp nhau', en: 'Data consistent' },
};

export function checkLabel(lang: Lang, check: string): string {
  return CHECK_LABELS[check]?.[lang] ?? check;
}

const STATUS_LABELS: Record<string, { vi: string; en: string }> = {
  PASS: { vi: 'Đạt', en: 'Pass' },
  FAIL: { vi: 'Không đạt', en: 'Fail' },
  SKIPPED: { vi: 'Không kiểm tra', en: 'Not checked' },
  MISSING: { vi: 'Không có', en: 'Missing' },
  NOT_SUPPORTED: { vi: 'Thẻ không hỗ trợ', en: 'Not supported by the card' },
  UNKNOWN_CSCA: { vi: 'Không rõ cơ quan cấp', en: 'Unknown issuer' },
  GOOD: { vi: 'Còn hiệu lực', en: 'Good' },
  REVOKED: { vi: 'Đã bị thu hồi', en: 'Revoked' },
  UNKNOWN: { vi: 'Không rõ', en: 'Unknown' },
  VALID: { vi: 'Còn hạn', en: 'Valid' },
  EXPIRED: { vi: 'Hết hạn', en: 'Expired' },
  NO_EXPIRY: { vi: 'Không thời hạn', en: 'No expiry' },
};

export function statusLabel(lang: Lang, status: string): string {
  return STATUS_LABELS[status]?.[lang] ?? status;
}

const FIELD_LABELS: Record<string, { vi: string; en: string }> = {
  fullName: { vi: 'Họ, chữ đệm và tên', en: 'Full name' },
  idNumber: { vi: 'Số định danh cá nhân', en: 'Personal ID number' },
  dateOfBirth: { vi: 'Ngày sinh', en: 'Date of birth' },
  sex: { vi: 'Giới tính', en: 'Sex' },
  nationality: { vi: 'Quốc tịch', en: 'Nationality' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  religion: { vi: 'Tôn giáo', en: 'Religion' },
  placeOfOrigin: { vi: 'Quê quán', en: 'Place of origin' },
  placeOfResidence: { vi: 'Nơi thường trú', en: 'Place of residence' },
  identifyingMarks: { vi: 'Đặc điểm nhận dạng', en: 'Identifying marks' },
  dateOfIssue: { vi: 'Ngày cấp', en: 'Date of issue' },
  dateOfExpiry: { vi: 'Có giá trị đến', en: 'Date of expiry' },
  fatherName: { vi: 'Họ tên cha', en: "Father's name" },
  motherName: { vi: 'Họ tên mẹ', en: "Mother's name" },
  spouseName: { vi: 'Họ tên vợ/chồng', en: "Spouse's name" },
  oldIdNumber: { vi: 'Số CMND cũ', en: 'Old ID number' },
  documentNumber: { vi: 'Số giấy tờ', en: 'Document number' },
  surname: { vi: 'Họ', en: 'Surname' },
  givenNames: { vi: 'Tên', en: 'Given names' },
  issuingState: { vi: 'Nước cấp', en: 'Issuing state' },
  documentCode: { vi: 'Loại giấy tờ', en: 'Document type' },
};

export function fieldLabel(lang: Lang, field: string): string {
  return FIELD_LABELS[field]?.[lang] ?? field;
}
