/**
 * What `virtual-card list` and the UI's demo picker show: every profile and the presets that
 * apply to it, with the keys that open each card and the verdict a correct terminal reaches.
 */
import { documentIdentity } from './build-document.ts';
import type { ExpectedOutcome, ProfileName, VariantName } from './document.ts';
import { PROFILE_NAMES, PROFILES } from './profiles.ts';
import { genuineOutcome, VARIANT_NAMES, VARIANTS, variantAppliesTo } from './variants.ts';

export interface CatalogueEntry {
  readonly profile: ProfileName;
  readonly variant: VariantName | null;
  readonly description: string;
  /** MRZ lines joined with '\n'. */
  readonly mrz: string;
  readonly can: string | null;
  readonly accessProtocols: readonly ('BAC' | 'PACE')[];
  readonly chipAuthentication: string | null;
  readonly activeAuthentication: string | null;
  readonly trustAuthority: string;
  readonly expected: ExpectedOutcome;
}

export function catalogue(): CatalogueEntry[] {
  const out: CatalogueEntry[] = [];
  for (const profile of PROFILE_NAMES) {
    const spec = PROFILES[profile];
    for (const variant of [null, ...VARIANT_NAMES]) {
      if (variant && !variantAppliesTo(variant, spec)) continue;
      const id = documentIdentity(profile, variant);
      const aa = spec.activeAuthentication;
      out.push({
        profile,
        variant,
        description: variant ? VARIANTS[variant].description : spec.description,
        mrz: id.mrz,
        can: id.can,
        accessProtocols: [...(spec.bac ? ['BAC' as const] : []), ...(spec.pace && !(variant && VARIANTS[variant].withoutPace) ? ['PACE' as const] : [])],
        chipAuthentication: spec.chipAuthenticationCurve ? `CA ECDH ${spec.chipAuthenticationCurve}` : null,
        activeAuthentication: aa ? (aa.kind === 'rsa' ? `AA RSA-${aa.bits}` : `AA ECDSA ${aa.curve}`) : null,
        trustAuthority: spec.authority,
        expected: variant ? VARIANTS[variant].expected(spec) : genuineOutcome(),
      });
    }
  }
  return out;
}
