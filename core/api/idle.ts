/**
 * The kiosk's idle times: how long a result stays on screen, and after how long without activity
 * the clerk is signed out. Defaults and bounds for the settings table and the API alike.
 */
export const IDLE_LIMITS = {
  resultClearSeconds: { default: 60, min: 10, max: 3600 },
  idleSignOutMinutes: { default: 15, min: 1, max: 480 },
} as const;

export type IdleSetting = keyof typeof IDLE_LIMITS;
