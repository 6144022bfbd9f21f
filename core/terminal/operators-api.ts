/**
 * Who is at the counter: first-run setup, sign-in and sign-out, PIN checks, and the name each
 * record carries.
 */
import type { ApiInput, ApiOutput, TerminalApi } from '../api/terminal-api.ts';
import { EidError } from '../errors.ts';
import type { Store } from '../store/store.ts';
import { storeError } from '../store/errors.ts';

export class OperatorsApi implements Pick<TerminalApi, 'login' | 'signIn' | 'signOut' | 'setupSupervisor'> {
  #signedIn: { name: string; role: 'clerk' | 'supervisor' } | null = null;

  constructor(
    private readonly store: Store,
    private readonly statusChanged: () => void,
  ) {}

  get signedIn(): string | null {
    return this.#signedIn?.name ?? null;
  }

  get role(): 'clerk' | 'supervisor' | null {
    return this.#signedIn?.role ?? null;
  }

  get signInRequired(): boolean {
    return this.store.operators.count() > 0;
  }

  async login({ operator, pin }: ApiInput<'login'>): Promise<ApiOutput<'login'>> {
    return { role: this.store.operators.authenticate(operator, pin).role };
  }

  async signIn({ operator, pin }: ApiInput<'signIn'>): Promise<ApiOutput<'signIn'>> {
    const who = this.store.operators.authenticate(operator, pin);
    this.#signedIn = { name: who.name, role: who.role };
    this.statusChanged();
    return { role: who.role };
  }

  /** A fresh terminal has no one who could approve an account: the first is a supervisor, made here and signed in. */
  async setupSupervisor({ operator, pin }: ApiInput<'setupSupervisor'>): Promise<ApiOutput<'setupSupervisor'>> {
    if (this.store.operators.count() > 0) throw storeError('OPERATOR_SETUP_DONE');
    const who = this.store.operators.add(operator, 'supervisor', pin, null);
    this.#signedIn = { name: who.name, role: who.role };
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
    if (this.#signedIn) return this.#signedIn.name;
    if (this.signInRequired) {
      throw new EidError('SIGN_IN_REQUIRED');
    }
    return 'counter';
  }
}
