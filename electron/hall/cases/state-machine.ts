// The case state machine of DOMAIN §2. The table itself lives in the contract so the back-office
// screens offer exactly the moves the host allows; everything not listed there is refused with a
// 409 that changes nothing.
export { ACTION_ROLE, CLOCK_RUNNING, nextStatus, WITHDRAWABLE } from '../../contract/cases.js';
