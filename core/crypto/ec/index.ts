/** Public API of the elliptic-curve module: curves, points, ECDH, ECDSA, PACE point encoding. */
export type { EcDomainParameters, NamedCurveName, NamedCurveParameters } from './curve-params.ts';
export { NAMED_CURVES } from './curve-params.ts';
export type { EcCurve, EcPoint } from './curve.ts';
export { curveByName, curveByOid, curveFromParams, findNamedCurve, namedCurveNames } from './curve.ts';
export { decodePoint, encodeFieldElement, encodePoint, generator, pointAdd, pointFromCoordinates, scalarMultiply } from './point.ts';
export type { EcKeyPair, RandomSource } from './keys.ts';
export { ecdhSharedPoint, ecdhSharedSecret, generateEcKeyPair, randomScalar, systemRandom } from './keys.ts';
export { ecdsaSign, ecdsaVerify, parseEcdsaSignature } from './ecdsa.ts';
export { plainToDerSignature } from './ecdsa-der.ts';
export { icaoPointEncode, supportsPointEncoding } from './map-to-point.ts';
export { TABLED_KEYS, clearKeyTables, keyTableStats } from './key-tables.ts';
