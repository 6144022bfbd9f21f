/**
 * Public API of the document factory: build documents by profile and broken preset, list them,
 * and reach the demo PKI. The virtual chip that serves them is core/chip/virtual-chip.ts.
 */
export { buildDocument, documentIdentity, type BuildOptions } from './build-document.ts';
export type {
  AccessKeys, ActiveAuthenticationKey, ChipKeys, DocumentTrust, ExpectedOutcome, ProfileName, ProtocolSupport, VariantName, VirtualDocument,
} from './document.ts';
export { PROFILES, PROFILE_NAMES, isProfileName, type ProfileSpec } from './profiles.ts';
export { VARIANTS, VARIANT_NAMES, isVariantName, variantAppliesTo, type VariantSpec } from './variants.ts';
export { demoAuthority, unknownAuthority, type DemoAuthority, type DemoIssuer } from './demo-pki.ts';
export { demoCertificateFiles } from './demo-files.ts';
export { catalogue, type CatalogueEntry } from './catalogue.ts';
