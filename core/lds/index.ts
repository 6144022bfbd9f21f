/** core/lds: parsers and encoders of the eMRTD files (ICAO 9303-10) and the Vietnamese DG13. */
export { LDS_FILES, ldsFile, dataGroupTag, dataGroupOfTag, isDataGroupNumber, type DataGroupNumber, type LdsFileName, type LdsFileInfo } from './files.ts';
export { ldsMalformed } from './errors.ts';
export { parseCom, encodeCom, type EfCom } from './com.ts';
export { parseDg1, encodeDg1, type Dg1 } from './dg1.ts';
export { parseDg2, encodeDg2, type Dg2, type Dg2Input, type FaceImage, type FaceEncoding } from './dg2.ts';
export { displayableFace, jpeg2000ToPng, type DisplayableFace } from './face-display.ts';
export { imageInfo, type ImageInfo, type FaceMimeType } from './image-info.ts';
export { parseDg11, encodeDg11, type Dg11, type Dg11Input } from './dg11.ts';
export { parseDg12, encodeDg12, type Dg12, type Dg12Input } from './dg12.ts';
export { parseDg13Vn, dg13DateToIso, type Dg13Vn, type Dg13Field } from './dg13-vn.ts';
export { encodeDg13Vn, type Dg13VnInput } from './dg13-vn-encode.ts';
export { parseDg14, encodeDg14, type Dg14 } from './dg14.ts';
export { parseDg15, encodeDg15, type Dg15 } from './dg15.ts';
export { parseDg16, encodeDg16, type Dg16, type PersonToNotify } from './dg16.ts';
export { parseCardAccess, parseCardSecurity, paceInfos, type PaceInfo, type CardSecurity } from './card-access.ts';
export {
  SECURITY_OIDS, encodeSecurityInfo, encodeSecurityInfos, parseSecurityInfosBytes, type SecurityInfo, type SecurityInfoInput, type SecurityInfoType,
} from './security-infos.ts';
export { parsePublicKeyInfo, type PublicKeyInfo, type KeyParameters } from './public-key.ts';
export { parseSod, parseLdsSecurityObject, encodeLdsSecurityObject, type Sod, type LdsSecurityObject } from './sod.ts';
export { documentData } from './document.ts';
