/** IPC channel names shared by the main process and the preload. */
export const CALL_CHANNEL = 'terminal:call';
export const EVENT_CHANNEL = 'terminal:event';
