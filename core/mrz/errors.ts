/** Typed errors of the MRZ and key-input layer; callers branch on the code, clerks read the text. */
import { EidError } from '../errors.ts';

/** MRZ field names used in MRZ_INVALID messages, so the clerk knows which box to re-type. */
export type MrzField =
  | 'format'
  | 'documentCode'
  | 'issuingState'
  | 'documentNumber'
  | 'idNumber'
  | 'dateOfBirth'
  | 'sex'
  | 'dateOfExpiry'
  | 'nationality'
  | 'optionalData'
  | 'composite'
  | 'name'
  | 'can';

const FIELD_VI: Record<MrzField, string> = {
  format: 'định dạng MRZ',
  documentCode: 'loại giấy tờ',
  issuingState: 'quốc gia cấp',
  documentNumber: 'số giấy tờ',
  idNumber: 'số định danh cá nhân',
  dateOfBirth: 'ngày sinh',
  sex: 'giới tính',
  dateOfExpiry: 'ngày hết hạn',
  nationality: 'quốc tịch',
  optionalData: 'dữ liệu tùy chọn',
  composite: 'số kiểm tra tổng hợp',
  name: 'họ tên',
  can: 'mã CAN',
};

export class MrzError extends EidError {
  readonly field: MrzField;
  constructor(field: MrzField, detail: string, detailVi: string) {
    super('MRZ_INVALID', `MRZ ${field}: ${detail}`, `MRZ sai ở ${FIELD_VI[field]}: ${detailVi}`);
    this.field = field;
  }
}

export function mrzInvalid(field: MrzField, detail: string, detailVi = detail): MrzError {
  return new MrzError(field, detail, detailVi);
}

export function checkDigitMismatch(field: MrzField): MrzError {
  return new MrzError(field, 'check digit does not match (mistyped or misread character?)', 'số kiểm tra không khớp (gõ hoặc đọc sai ký tự?)');
}

export function qrInvalid(detail: string, detailVi: string): EidError {
  return new EidError('QR_INVALID', `CCCD QR code not understood: ${detail}`, `Không đọc được mã QR trên thẻ: ${detailVi}`);
}
