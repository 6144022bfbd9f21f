/** Settings: the counter's name, purpose profile, language, preferred reader and camera, face match, registry URL and idle times. */
import type { ApiInput, ApiOutput, Settings, TerminalApi } from '../api/terminal-api.ts';
import type { Store } from '../store/store.ts';
import { faceMatchOf, parseDisplayChoices, parseFaceMatchChoices } from '../store/profiles.ts';
import { idleSetting } from '../store/settings.ts';

export function terminalName(store: Store): string {
  return store.settings.get('terminalName') ?? 'eID Terminal';
}

export function language(store: Store): 'vi' | 'en' {
  return store.settings.get('language') === 'en' ? 'en' : 'vi';
}

export class SettingsApi implements Pick<TerminalApi, 'getSettings' | 'updateSettings' | 'listPurposes'> {
  constructor(
    private readonly store: Store,
    private readonly statusChanged: () => void,
  ) {}

  async getSettings(): Promise<Settings> {
    return {
      terminalName: terminalName(this.store),
      purpose: this.store.profile().name,
      language: language(this.store),
      reader: this.store.settings.get('reader') || null,
      registryUrl: this.store.settings.get('registryUrl') ?? null,
      displayFields: parseDisplayChoices(this.store.settings.get('displayFields'))[this.store.profile().name] ?? null,
      resultClearSeconds: idleSetting(this.store.settings, 'resultClearSeconds'),
      idleSignOutMinutes: idleSetting(this.store.settings, 'idleSignOutMinutes'),
      faceMatch: this.store.faceMatch(),
      camera: this.store.settings.get('camera') || null,
    };
  }

  async updateSettings({ operator, pin, settings }: ApiInput<'updateSettings'>): Promise<Settings> {
    const by = this.store.operators.authenticateSupervisor(operator, pin);
    const set = (key: string, value: string): void => this.store.changeSetting(by, key, value);
    if (settings.terminalName !== undefined) set('terminalName', settings.terminalName);
    if (settings.purpose !== undefined) {
      this.store.profile(settings.purpose); // refuses an unknown profile
      set('purposeProfile', settings.purpose);
    }
    // A per-profile choice belongs to the profile in force after this update; null goes back to its default.
    const setForProfile = <T>(key: 'displayFields' | 'faceMatch', parse: (json: string | undefined) => Record<string, T>, value: T | null): void => {
      const choices = parse(this.store.settings.get(key));
      const profile = this.store.profile().name;
      if (value === null) delete choices[profile];
      else choices[profile] = value;
      set(key, JSON.stringify(choices));
    };
    if (settings.displayFields !== undefined) setForProfile('displayFields', parseDisplayChoices, settings.displayFields);
    if (settings.faceMatch !== undefined) setForProfile('faceMatch', parseFaceMatchChoices, settings.faceMatch);
    if (settings.camera !== undefined) set('camera', settings.camera ?? '');
    if (settings.language !== undefined) set('language', settings.language);
    if (settings.reader !== undefined) set('reader', settings.reader ?? '');
    if (settings.registryUrl !== undefined && settings.registryUrl !== null) set('registryUrl', settings.registryUrl);
    if (settings.resultClearSeconds !== undefined) set('resultClearSeconds', String(settings.resultClearSeconds));
    if (settings.idleSignOutMinutes !== undefined) set('idleSignOutMinutes', String(settings.idleSignOutMinutes));
    this.statusChanged();
    return this.getSettings();
  }

  async listPurposes(): Promise<ApiOutput<'listPurposes'>> {
    const faceMatch = parseFaceMatchChoices(this.store.settings.get('faceMatch'));
    return this.store.profiles().map((p) => ({ id: p.name, description: p.description, show: [...p.show], faceMatch: faceMatchOf(p, faceMatch) }));
  }
}
