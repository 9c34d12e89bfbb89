/**
 * The few settings main itself needs before the renderer runs (userData/desktop-settings.json):
 * the chosen backup folder and the platform origin the CSP allows. Written atomically.
 */
import { z } from 'zod';

const SettingsSchema = z.object({
  backupFolder: z.string().min(1).max(4096).optional(),
  platformOrigin: z.string().min(1).max(2048).optional(),
});
export type DesktopSettings = z.infer<typeof SettingsSchema>;

export type SettingsStore = {
  get(): Promise<DesktopSettings>;
  update(patch: Partial<DesktopSettings>): Promise<DesktopSettings>;
};

export function createSettingsStore(deps: { read: () => Promise<Uint8Array | undefined>; write: (bytes: Uint8Array) => Promise<void>; log: (message: string) => void }): SettingsStore {
  let cached: DesktopSettings | undefined;
  async function get(): Promise<DesktopSettings> {
    if (cached) return cached;
    const bytes = await deps.read();
    if (!bytes) return (cached = {});
    try {
      const parsed = SettingsSchema.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8')));
      if (parsed.success) return (cached = parsed.data);
      deps.log('[settings] desktop-settings.json is not valid; starting from defaults');
    } catch {
      deps.log('[settings] desktop-settings.json is not JSON; starting from defaults');
    }
    return (cached = {});
  }
  return {
    get,
    async update(patch) {
      const next = SettingsSchema.parse({ ...(await get()), ...patch });
      await deps.write(Buffer.from(`${JSON.stringify(next, null, 2)}\n`, 'utf8'));
      cached = next;
      return next;
    },
  };
}
