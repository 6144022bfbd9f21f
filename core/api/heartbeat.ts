/**
 * The kiosk's event channel (service/ → renderer/src/api) says it is alive. A service that has
 * stopped closes its socket, but a frozen one (SIGSTOP, a hung event loop, a machine waking from
 * sleep) leaves it open and silent: only a missing heartbeat tells the page, which must say so
 * within 3 s (issue 14).
 */

/** The message, sent beside the TerminalEvents (it is none of them). */
export const HEARTBEAT = '{"type":"heartbeat"}';

export const HEARTBEAT_EVERY_MS = 1000;

/** Silence this long (two heartbeats missed and some slack) means the service is gone. */
export const HEARTBEAT_SILENCE_MS = 2500;
