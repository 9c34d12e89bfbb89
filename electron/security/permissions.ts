/**
 * Permission requests from web contents: a commented, default-deny table.
 * Anything not listed here is denied, and so is any request from outside the app origin.
 */
import { isAppUrl } from './urls';

export const PERMISSIONS: Readonly<Record<string, boolean>> = {
  // Allowed
  'clipboard-sanitized-write': true, // copy case numbers and 文号 into Excel/WPS
  notifications: true, // deadline reminders at start-up
  'persistent-storage': true, // navigator.storage.persist(): IndexedDB must not be evicted
  // Not allowed
  media: false, // no camera or microphone
  geolocation: false, // offices do not need location
  midi: false,
  midiSysex: false,
  pointerLock: false,
  fullscreen: false,
  openExternal: false, // external links go through external:open-url, which allowlists http(s)
  'display-capture': false,
  'clipboard-read': false,
  hid: false,
  serial: false,
  usb: false,
  idleDetection: false,
};

export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  if (!isAppUrl(requestingUrl)) return false;
  return PERMISSIONS[permission] === true;
}
