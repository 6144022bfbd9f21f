/** Who is at the counter: sign-in and sign-out, PIN checks, and the name each record carries. */
import type { ApiInput, ApiOutput, TerminalApi } from '../api/terminal-api.ts';
import { EidError } from '../errors.ts';
import type { Store } from '../store/store.ts';

export class OperatorsApi implements Pick<TerminalApi, 'login' | 'signIn' | 'signOut'> {
  #signedIn: string | null = null;

  constructor(
    private readonly store: Store,
    private readonly statusChanged: () => void,
  ) {}

  get signedIn(): string | null {
    return this.#signedIn;
  }

  get signInRequired(): boolean {
    return this.store.operators.count() > 0;
  }

  async login({ operator, pin }: ApiInput<'login'>): Promise<ApiOutput<'login'>> {
    return { role: this.store.operators.authenticate(operator, pin).role };
  }

  async signIn({ operator, pin }: ApiInput<'signIn'>): Promise<ApiOutput<'signIn'>> {
    const who = this.store.operators.authenticate(operator, pin);
    this.#signedIn = who.name;
    this.statusChanged();
    return { role: who.role };
  }

  async signOut(): Promise<ApiOutput<'signOut'>> {
    this.#signedIn = null;
    this.statusChanged();
    return { ok: true };
  }

  /** Who the record will name: the signed-in operator; on a terminal without accounts, the counter itself. */
  onDuty(): string {
    if (this.#signedIn) return this.#signedIn;
    if (this.signInRequired) {
      throw new EidError('SIGN_IN_REQUIRED');
    }
    return 'counter';
  }
}
