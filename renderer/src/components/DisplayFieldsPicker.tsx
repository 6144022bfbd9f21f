import { DISPLAY_FIELDS, type DisplayField } from '../../../core/api/display-fields.ts';
import { t, type Lang } from '../text.ts';

/** The supervisor's choice of what the result screen shows of the holder under the purpose profile. */
export function DisplayFieldsPicker({ lang, value, onChange, onDefault }: { lang: Lang; value: readonly DisplayField[]; onChange: (v: DisplayField[]) => void; onDefault: () => void }) {
  const toggle = (f: DisplayField, on: boolean) => onChange(DISPLAY_FIELDS.filter((x) => (x === f ? on : value.includes(x))));
  return (
    <fieldset className="display-fields" data-testid="display-fields">
      <legend>{t(lang, 'settings.displayFields')}</legend>
      {DISPLAY_FIELDS.map((f) => (
        <label key={f}>
          <input type="checkbox" name={`show-${f}`} checked={value.includes(f)} onChange={(e) => toggle(f, e.target.checked)} /> {t(lang, `field.${f}`)}
        </label>
      ))}
      <button type="button" onClick={onDefault}>{t(lang, 'settings.displayDefault')}</button>
    </fieldset>
  );
}
