// The admin PIN check shared by leaving kiosk mode and the set-up calls: wrong PINs are counted
// and, past the limit, even the right one is refused for a while.
import type { PinAttemptLimiter } from './pin-attempts.js';
import { verifyPin as defaultVerifyPin, type SetupStore } from './setup-store.js';
import { isValidPin } from './validation.js';

export interface PinCheckDependencies {
  store: SetupStore;
  pinAttempts: PinAttemptLimiter;
  verifyPin?: typeof defaultVerifyPin;
}

/** Checks a PIN against the stored hash, counting wrong ones; false while locked out or before any set-up. */
export async function pinMatches(deps: PinCheckDependencies, pin: unknown): Promise<boolean> {
  const file = deps.store.current();
  if (file === null || deps.pinAttempts.isLocked()) return false;
  const verify = deps.verifyPin ?? defaultVerifyPin;
  if (isValidPin(pin) && (await verify(pin, file.adminPin))) {
    deps.pinAttempts.recordSuccess();
    return true;
  }
  deps.pinAttempts.recordFailure();
  return false;
}
