import { useEffect, useState } from 'react';
import type { AccessKey, DemoCard } from '../../../core/api/terminal-api.ts';
import { api } from '../api/client.ts';
import { t, tOr, type Lang } from '../text.ts';

/** A sample card as the catalogue names it: its profile, and what is broken about it. */
function sampleLabel(lang: Lang, card: DemoCard): string {
  const profile = tOr(lang, `sample.${card.profile}`, card.profile);
  return card.variant ? `${profile} — ${tOr(lang, `variant.${card.variant}`, card.variant)}` : profile;
}

/** The built-in virtual reader: put a sample card on it, or take it off, with no hardware. */
export function DemoCards({ lang, onInserted }: { lang: Lang; onInserted: (key: AccessKey) => void }) {
  const [cards, setCards] = useState<DemoCard[]>([]);
  const [choice, setChoice] = useState(0);

  useEffect(() => {
    void api.listDemoCards({}).then(setCards);
  }, []);

  const card = cards[choice];
  return (
    <aside className="panel demo" aria-label={t(lang, 'demo.title')}>
      <h2>{t(lang, 'demo.title')}</h2>
      <select aria-label={t(lang, 'demo.title')} value={choice} onChange={(e) => setChoice(Number(e.target.value))} data-testid="demo-select">
        {cards.map((c, i) => (
          <option key={`${c.profile}/${c.variant ?? ''}`} value={i} data-card={c.variant ? `${c.profile}/${c.variant}` : c.profile}>
            {sampleLabel(lang, c)}
          </option>
        ))}
      </select>
      <div className="actions">
        <button
          data-testid="demo-insert"
          disabled={!card}
          onClick={() => {
            if (!card) return;
            void api.insertDemoCard({ profile: card.profile, variant: card.variant }).then(() => onInserted(card.key));
          }}
        >
          {t(lang, 'demo.insert')}
        </button>
        <button data-testid="demo-remove" onClick={() => void api.removeDemoCard({})}>
          {t(lang, 'demo.remove')}
        </button>
      </div>
    </aside>
  );
}
