import { t, type Lang } from '../text.ts';

/** The key is given but no card is on the reader: ask for it; reading starts when it is there. */
export function PlaceCard({ lang, onCancel }: { lang: Lang; onCancel: () => void }) {
  return (
    <section className="panel reading" data-testid="place-card">
      <h2>{t(lang, 'verify.placeCard')}</h2>
      <p className="hint">{t(lang, 'verify.readsWhenPlaced')}</p>
      <button onClick={onCancel}>{t(lang, 'verify.cancel')}</button>
    </section>
  );
}
