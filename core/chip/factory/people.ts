/**
 * Synthetic card holders, deterministic from a seed: Vietnamese names with diacritics, 12-digit
 * personal ID numbers with a real province prefix, addresses long enough (>127 UTF-8 bytes) to
 * need long-form DER lengths in DG13, and parents for DG13 field 13. Nobody real.
 */
import { hash } from '../../crypto/node-crypto.ts';
import { utf8, uintBytes } from '../../bytes/bytes.ts';
import { cccdExpiryCandidates, type CalendarDate } from '../../mrz/index.ts';

export interface SyntheticPerson {
  readonly seed: string;
  /** Family name, middle and given names as printed, with diacritics. */
  readonly surname: string;
  readonly middleName: string;
  readonly givenName: string;
  readonly fullName: string;
  readonly sex: 'M' | 'F';
  readonly dateOfBirth: CalendarDate;
  /** 12 digits: province code, century/sex digit, year of birth, 6 random digits. */
  readonly idNumber: string;
  /** The 9-digit CMND number of the card this one replaced. */
  readonly oldIdNumber: string;
  readonly ethnicity: string;
  readonly religion: string;
  readonly placeOfOrigin: string;
  readonly placeOfResidence: string;
  readonly identifyingMarks: string;
  readonly fatherName: string;
  readonly motherName: string;
  readonly spouseName: string | null;
  readonly dateOfIssue: CalendarDate;
  /** Null = no expiry (holder 58 or older at issue; MRZ 991231). */
  readonly dateOfExpiry: CalendarDate | null;
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Hữu', 'Quang', 'Thành', 'Công'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Mỹ', 'Diệu', 'Hồng'];
const GIVEN_M = ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hùng', 'Khánh', 'Long', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Tuấn', 'Việt'];
const GIVEN_F = ['Anh', 'Hà', 'Hương', 'Lan', 'Linh', 'Mai', 'Ngân', 'Nhung', 'Phương', 'Thảo', 'Trang', 'Uyên', 'Vy', 'Yến', 'Ánh'];

interface Province {
  readonly code: string;
  readonly name: string;
  readonly districts: readonly string[];
  readonly wards: readonly string[];
  readonly streets: readonly string[];
}

const PROVINCES: readonly Province[] = [
  { code: '001', name: 'Thành phố Hà Nội', districts: ['Quận Ba Đình', 'Quận Hoàn Kiếm', 'Quận Thanh Xuân', 'Quận Cầu Giấy'], wards: ['Phường Điện Biên', 'Phường Hàng Trống', 'Phường Nhân Chính', 'Phường Dịch Vọng Hậu'], streets: ['Đường Hoàng Hoa Thám', 'Phố Hàng Bạc', 'Đường Lê Văn Lương', 'Đường Trần Thái Tông'] },
  { code: '079', name: 'Thành phố Hồ Chí Minh', districts: ['Quận 1', 'Quận 3', 'Quận Bình Thạnh', 'Thành phố Thủ Đức'], wards: ['Phường Bến Nghé', 'Phường Võ Thị Sáu', 'Phường 25', 'Phường Thảo Điền'], streets: ['Đường Nguyễn Thị Minh Khai', 'Đường Điện Biên Phủ', 'Đường Xô Viết Nghệ Tĩnh', 'Đường Quốc Hương'] },
  { code: '048', name: 'Thành phố Đà Nẵng', districts: ['Quận Hải Châu', 'Quận Sơn Trà', 'Quận Ngũ Hành Sơn'], wards: ['Phường Thạch Thang', 'Phường An Hải Bắc', 'Phường Mỹ An'], streets: ['Đường Bạch Đằng', 'Đường Ngô Quyền', 'Đường Ngũ Hành Sơn'] },
  { code: '046', name: 'Tỉnh Thừa Thiên Huế', districts: ['Thành phố Huế', 'Thị xã Hương Thủy'], wards: ['Phường Phú Hội', 'Phường Thủy Dương'], streets: ['Đường Lê Lợi', 'Đường Nguyễn Tất Thành'] },
  { code: '092', name: 'Thành phố Cần Thơ', districts: ['Quận Ninh Kiều', 'Quận Cái Răng'], wards: ['Phường Tân An', 'Phường Hưng Phú'], streets: ['Đường Hai Bà Trưng', 'Đường Trần Hưng Đạo'] },
];

const MARKS = ['Nốt ruồi C:2cm trên sau đuôi mắt trái', 'Sẹo chấm C:1cm dưới trước cằm', 'Nốt ruồi C:3cm dưới sau cánh mũi phải', 'Sẹo chấm C:2cm trên trước đầu mày phải'];
const ETHNICITIES = ['Kinh', 'Kinh', 'Kinh', 'Tày', 'Thái', 'Mường', 'Khơ Me', 'Hoa'];
const RELIGIONS = ['Không', 'Không', 'Không', 'Phật giáo', 'Công giáo'];

/** Deterministic choices from a seed (SHA-512 stream); not for anything but test data. */
export class SeededChoice {
  private block = 0;
  private buf: Uint8Array = new Uint8Array(0);
  private pos = 0;

  constructor(private readonly seed: string) {}

  /** Uniform-enough integer in [0, n). */
  int(n: number): number {
    if (this.pos + 4 > this.buf.length) {
      this.buf = hash('sha512', utf8(this.seed), uintBytes(this.block++, 4));
      this.pos = 0;
    }
    const v = ((this.buf[this.pos]! << 24) | (this.buf[this.pos + 1]! << 16) | (this.buf[this.pos + 2]! << 8) | this.buf[this.pos + 3]!) >>> 0;
    this.pos += 4;
    return v % n;
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(10));
    return s;
  }
}

function address(r: SeededChoice, p: Province, long: boolean): string {
  const street = r.pick(p.streets);
  const district = r.pick(p.districts);
  const ward = r.pick(p.wards);
  const base = `${ward}, ${district}, ${p.name}`;
  if (!long) return base;
  return `Số nhà ${1 + r.int(200)}, Ngõ ${1 + r.int(90)}, Ngách ${1 + r.int(40)}, Tổ dân phố số ${1 + r.int(20)}, ${street}, ${base}`;
}

export interface PersonOptions {
  /** Age at issue; drives the expiry milestone (58 and over: no expiry). */
  readonly ageAtIssue?: number;
  readonly sex?: 'M' | 'F';
  readonly dateOfIssue?: CalendarDate;
}

function isoToDate(iso: string): CalendarDate {
  const [year, month, day] = iso.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}

export function syntheticPerson(seed: string, options: PersonOptions = {}): SyntheticPerson {
  const r = new SeededChoice(`person:${seed}`);
  const sex = options.sex ?? (r.int(2) === 0 ? 'M' : 'F');
  const surname = r.pick(SURNAMES);
  const middleName = r.pick(sex === 'M' ? MIDDLE_M : MIDDLE_F);
  const givenName = r.pick(sex === 'M' ? GIVEN_M : GIVEN_F);
  const dateOfIssue = options.dateOfIssue ?? { year: 2021 + r.int(3), month: 1 + r.int(12), day: 1 + r.int(28) };
  const ageAtIssue = options.ageAtIssue ?? 26 + r.int(30);
  const dateOfBirth = { year: dateOfIssue.year - ageAtIssue - 1, month: 1 + r.int(12), day: 1 + r.int(28) };
  const expiry = cccdExpiryCandidates(dateOfBirth, dateOfIssue)[0]!;
  const origin = r.pick(PROVINCES);
  const home = r.pick(PROVINCES);
  const centuryDigit = (dateOfBirth.year >= 2000 ? 2 : 0) + (sex === 'F' ? 1 : 0);
  const idNumber = `${home.code}${centuryDigit}${String(dateOfBirth.year % 100).padStart(2, '0')}${r.digits(6)}`;
  const fatherGiven = r.pick(GIVEN_M);
  const motherSurname = r.pick(SURNAMES);
  const married = ageAtIssue > 27 && r.int(3) > 0;
  return {
    seed,
    surname,
    middleName,
    givenName,
    fullName: `${surname} ${middleName} ${givenName}`,
    sex,
    dateOfBirth,
    idNumber,
    oldIdNumber: `0${r.digits(8)}`,
    ethnicity: r.pick(ETHNICITIES),
    religion: r.pick(RELIGIONS),
    placeOfOrigin: address(r, origin, false),
    placeOfResidence: address(r, home, true),
    identifyingMarks: r.pick(MARKS),
    fatherName: `${surname} ${r.pick(MIDDLE_M)} ${fatherGiven}`,
    motherName: `${motherSurname} ${r.pick(MIDDLE_F)} ${r.pick(GIVEN_F)}`,
    spouseName: married ? `${r.pick(SURNAMES)} ${r.pick(sex === 'M' ? MIDDLE_F : MIDDLE_M)} ${r.pick(sex === 'M' ? GIVEN_F : GIVEN_M)}` : null,
    dateOfIssue,
    dateOfExpiry: expiry.iso === null ? null : isoToDate(expiry.iso),
  };
}

/** ICAO 9303-3 transliteration for the MRZ: diacritics dropped, Đ -> D, upper case. */
export function mrzName(text: string): string {
  return text
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z ]/g, '')
    .trim()
    .replace(/\s+/g, '<');
}
