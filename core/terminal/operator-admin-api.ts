/**
 * Operator accounts as a supervisor manages them from the settings screen: list, add, disable,
 * unlock, reset the PIN, change the role. Every call authenticates a supervisor here, whatever
 * buttons the screen shows.
 */
import type { ApiInput, ApiOutput, OperatorAccount, TerminalApi } from '../api/terminal-api.ts';
import type { Operator } from '../store/operators.ts';
import type { Store } from '../store/store.ts';

export class OperatorAdminApi implements Pick<TerminalApi, 'listOperators' | 'addOperator' | 'changeOperator'> {
  constructor(
    private readonly store: Store,
    private readonly statusChanged: () => void,
  ) {}

  async listOperators({ operator, pin }: ApiInput<'listOperators'>): Promise<ApiOutput<'listOperators'>> {
    this.store.operators.authenticateSupervisor(operator, pin);
    return this.store.operators.list().map(account);
  }

  async addOperator({ operator, pin, name, role, newPin }: ApiInput<'addOperator'>): Promise<ApiOutput<'addOperator'>> {
    const by = this.store.operators.authenticateSupervisor(operator, pin);
    const added = account(this.store.operators.add(name, role, newPin, by));
    this.statusChanged();
    return added;
  }

  async changeOperator({ operator, pin, name, change }: ApiInput<'changeOperator'>): Promise<ApiOutput<'changeOperator'>> {
    const by = this.store.operators.authenticateSupervisor(operator, pin);
    const ops = this.store.operators;
    if (change.kind === 'disable') ops.setDisabled(by, name, change.disabled);
    else if (change.kind === 'unlock') ops.unlock(by, name);
    else if (change.kind === 'pin') ops.setPin(by, name, change.pin);
    else ops.setRole(by, name, change.role);
    return account(ops.get(name.trim()));
  }
}

function account(o: Operator): OperatorAccount {
  return { name: o.name, role: o.role, createdAt: o.createdAt, disabled: o.disabled, lockedUntil: o.lockedUntil };
}
