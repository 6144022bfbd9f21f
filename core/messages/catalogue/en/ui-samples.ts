/** English: the sample cards of the virtual reader (core/chip/factory), as the kiosk's picker names them. */

export const uiSamples = {
  'sample.cccd-2021': 'Vietnamese chip citizen ID (CCCD, 2021): PACE with the ID number and BAC, Chip and Active Authentication',
  'sample.can-cuoc-2024': 'Vietnamese identity card (2024): PACE with the ID number and BAC, Chip and Active Authentication',
  'sample.icao-td3-passport': 'Utopian passport (TD3): PACE and BAC, Chip Authentication',
  'sample.foreign-td1-id': 'Utopian ID card (TD1): BAC only, no chip authentication',
  'variant.tampered-dg': 'Photo altered after issuance',
  'variant.wrong-sod-signature': 'Data signature does not verify',
  'variant.ds-not-signed-by-csca': 'Signer certificate not signed by the trusted CSCA',
  'variant.unknown-csca': 'Signed under an untrusted CSCA',
  'variant.expired-ds': 'Signer certificate expired',
  'variant.revoked-ds': 'Signer certificate revoked',
  'variant.sod-missing-dg-hash': 'A data group without its hash in the signature',
  'variant.cloned-chip': 'Cloned chip',
  'variant.dg1-dg13-mismatch': 'DG13 contradicts DG1',
  'variant.expired-document': 'Expired document',
  'variant.malformed-dg-tlv': 'A malformed data group',
  'variant.truncated-sod': 'Data signature cut off',
  'variant.without-pace': 'No PACE: opens with the ID number and birth date (BAC)',
  'variant.dg13-flat': 'DG13 without its wrapper (flat form)',
  'variant.dg13-parents-together': 'DG13 with both parents in one sequence',
  'variant.dg13-empty': 'DG13 with no fields',
};
