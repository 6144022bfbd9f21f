/** The demo trust anchors as files (name -> bytes), for scripts/generate-demo-certs.ts and its test. */
import { utf8 } from '../../bytes/bytes.ts';
import { demoAuthority, type DemoIssuer } from './demo-pki.ts';
import { toPem } from './x509-writer.ts';

export interface DemoFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const ISSUERS: readonly DemoIssuer[] = ['VN', 'UTO'];

export function demoCertificateFiles(): DemoFile[] {
  return ISSUERS.flatMap((id) => {
    const a = demoAuthority(id);
    const slug = id.toLowerCase();
    return [
      { name: `demo-csca-${slug}.pem`, bytes: utf8(toPem('CERTIFICATE', a.csca.der)) },
      { name: `demo-csca-${slug}.crl`, bytes: a.crl },
    ];
  });
}
