/** What DG13 must give for a factory holder, spelled out here rather than taken from the factory's encoder. */
import type { VnData } from '../../core/api/verification.ts';
import type { SyntheticPerson } from '../../core/chip/factory/people.ts';

const iso = (d: { year: number; month: number; day: number }): string => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

export function expectedVnData(p: SyntheticPerson): VnData {
  return {
    idNumber: p.idNumber, fullName: p.fullName, dateOfBirth: iso(p.dateOfBirth), sex: p.sex === 'M' ? 'Nam' : 'Nữ', nationality: 'Việt Nam',
    ethnicity: p.ethnicity, religion: p.religion, placeOfOrigin: p.placeOfOrigin, placeOfResidence: p.placeOfResidence,
    identifyingMarks: p.identifyingMarks, dateOfIssue: iso(p.dateOfIssue), dateOfExpiry: p.dateOfExpiry ? iso(p.dateOfExpiry) : null,
    fatherName: p.fatherName, motherName: p.motherName, spouseName: p.spouseName, oldIdNumber: p.oldIdNumber,
  };
}
