/**
 * Clock skew between the device and the platform. Device times are
 * kept as evidence only; the skew is measured at each sync and shown when it is large.
 */
import { CLOCK_SKEW_WARN_MS } from './protocol';

export type SkewMeasurement = {
  /** server − device, in ms (positive: the device clock is behind). */
  skewMs: number;
  /** Round-trip time of the probe, the uncertainty of the estimate. */
  rttMs: number;
  warn: boolean;
};

/** Estimate skew from a request sent at device time `sentMs`, answered at `receivedMs`, carrying the server's time. */
export function measureSkew(sentMs: number, receivedMs: number, serverTimeIso: string, warnAboveMs = CLOCK_SKEW_WARN_MS): SkewMeasurement {
  const server = Date.parse(serverTimeIso);
  if (Number.isNaN(server)) throw new Error(`bad server time ${serverTimeIso}`);
  const rttMs = Math.max(0, receivedMs - sentMs);
  const skewMs = Math.round(server - (sentMs + rttMs / 2));
  return { skewMs, rttMs, warn: Math.abs(skewMs) > warnAboveMs + rttMs / 2 };
}

/** "设备时钟慢 7 分钟" style text for the UI. */
export function describeSkewZh(skewMs: number): string {
  const abs = Math.abs(skewMs);
  const text = abs >= 3_600_000 ? `${(abs / 3_600_000).toFixed(1)} 小时` : abs >= 60_000 ? `${Math.round(abs / 60_000)} 分钟` : `${Math.round(abs / 1000)} 秒`;
  return skewMs > 0 ? `本机时钟比平台慢 ${text}` : skewMs < 0 ? `本机时钟比平台快 ${text}` : '本机时钟与平台一致';
}
