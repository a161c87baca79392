import { href } from '../route.js';
import type { AccountPosture } from '../types.js';

const ACCOUNT_ID = /^\d{12}$/;

/**
 * The account the posture is scoped to: `accountId` of the route when it is a 12-digit id, else
 * every account (undefined).
 * @example accountOf(new URLSearchParams('accountId=111122223333')) // '111122223333'
 */
export function accountOf(params: URLSearchParams): string | undefined {
  const value = params.get('accountId') ?? '';
  return ACCOUNT_ID.test(value) ? value : undefined;
}

/**
 * The account picker of the posture (GET /summary's `accounts`): every account, or one, kept in
 * the route (`#/posture?accountId=…`) so that the trend and the findings links follow it. Shown
 * only when the store holds more than one account, or one is chosen.
 */
export function AccountPicker({
  accounts,
  chosen,
  days,
}: {
  accounts: AccountPosture[];
  chosen: string | undefined;
  days: number;
}) {
  if (accounts.length < 2 && chosen === undefined) return null;
  const choose = (value: string) => {
    location.hash = href('/posture', { accountId: value || undefined, days: String(days) });
  };
  return (
    <p class="account-picker">
      <label>
        Account{' '}
        <select value={chosen ?? ''} onChange={(event) => choose(event.currentTarget.value)}>
          <option value="">All accounts ({accounts.length})</option>
          {accounts.map(({ accountId, overall }) => (
            <option key={accountId} value={accountId}>
              {accountId} — {overall.score === null ? 'not evaluated' : `${overall.score}%`}
            </option>
          ))}
        </select>
      </label>
    </p>
  );
}
