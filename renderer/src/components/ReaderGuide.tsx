import type { ReactElement } from 'react';
import type { Guidance } from '../reader-guidance.ts';
import { t, type Lang, type UiKey } from '../text.ts';

/** The reader (a flat box with a light) and the card (with its chip), drawn inline: no external assets. */
const Reader = ({ dashed = false }: { dashed?: boolean }) => (
  <g>
    <rect x="6" y="38" width="52" height="12" rx="3" fill="none" stroke="currentColor" strokeWidth="3" strokeDasharray={dashed ? '5 4' : undefined} />
    <circle cx="50" cy="44" r="2" fill="currentColor" />
  </g>
);
const Card = ({ y }: { y: number }) => (
  <g>
    <rect x="14" y={y} width="36" height="22" rx="3" fill="none" stroke="currentColor" strokeWidth="3" />
    <rect x="19" y={y + 6} width="9" height="8" rx="1" fill="currentColor" />
  </g>
);

const PICTOGRAMS: Record<Guidance, ReactElement> = {
  noReader: (
    <>
      <Reader dashed />
      <path d="M24 10 L40 26 M40 10 L24 26" stroke="currentColor" strokeWidth="4" />
    </>
  ),
  placeCard: (
    <>
      <Reader />
      <Card y={4} />
      <path d="M56 8 V30 M50 24 L56 31 L62 24" fill="none" stroke="currentColor" strokeWidth="3" />
    </>
  ),
  cardFound: (
    <>
      <Reader />
      <Card y={16} />
      <path d="M40 6 L46 12 L58 0" fill="none" stroke="currentColor" strokeWidth="3" />
    </>
  ),
  reading: (
    <>
      <Reader />
      <Card y={16} />
      <path d="M40 10 A8 8 0 0 1 48 2 M40 14 A14 14 0 0 1 54 0" fill="none" stroke="currentColor" strokeWidth="3" />
    </>
  ),
  removeCard: (
    <>
      <Reader />
      <Card y={4} />
      <path d="M56 31 V9 M50 15 L56 8 L62 15" fill="none" stroke="currentColor" strokeWidth="3" />
    </>
  ),
};

const TEXT: Record<Guidance, UiKey> = {
  noReader: 'guide.noReader',
  placeCard: 'verify.placeCard',
  cardFound: 'guide.cardFound',
  reading: 'guide.reading',
  removeCard: 'guide.removeCard',
};

/** Where the card stands, always on the verify screen: a pictogram and one sentence. */
export function ReaderGuide({ lang, guidance }: { lang: Lang; guidance: Guidance }) {
  return (
    <div className={`reader-guide guide-${guidance}`} role="status" aria-live="polite" data-testid="reader-guide" data-state={guidance}>
      <svg viewBox="0 0 64 52" width="64" height="52" aria-hidden="true" focusable="false">
        {PICTOGRAMS[guidance]}
      </svg>
      <span>{t(lang, TEXT[guidance])}</span>
    </div>
  );
}
