/**
 * The kiosk operator's settings, in `DATA_DIR/kiosk.json` (written atomically and durably; the
 * environment's values apply until the operator changes one).
 */
import { join } from 'node:path';
import type { KioskSettings } from '../protocol/api';
import { DurableJSONFile } from './json-adapter';

/** Reads and writes the operator's settings. */
export class KioskSettingsFile {
  private constructor(
    private readonly file: DurableJSONFile<Partial<KioskSettings>>,
    private stored: Partial<KioskSettings>,
    private readonly defaults: KioskSettings,
  ) {}

  /** Opens the file in `dataDir` (a missing or unreadable file means "nothing changed yet"). */
  static async open(dataDir: string, defaults: KioskSettings): Promise<KioskSettingsFile> {
    const file = new DurableJSONFile<Partial<KioskSettings>>(join(dataDir, 'kiosk.json'));
    let stored: Partial<KioskSettings> = {};
    try {
      const read = await file.read();
      if (read && typeof read === 'object' && !Array.isArray(read)) stored = read;
    } catch {
      stored = {}; // a damaged file: the environment's values stand, and the next save replaces it
    }
    return new KioskSettingsFile(file, stored, defaults);
  }

  /** The settings now. Stored values that no longer fit their type fall back to the defaults. */
  get(): KioskSettings {
    const d = this.defaults;
    const s = this.stored;
    const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : fallback);
    return {
      locale: s.locale === 'en' || s.locale === 'ko' ? s.locale : d.locale,
      idleSeconds: num(s.idleSeconds, d.idleSeconds),
      countdownSeconds: num(s.countdownSeconds, d.countdownSeconds),
      tour: typeof s.tour === 'boolean' ? s.tour : d.tour,
      cast: typeof s.cast === 'boolean' ? s.cast : d.cast,
    };
  }

  /** Changes some settings; resolves once they are on disk. */
  async set(change: Partial<KioskSettings>): Promise<KioskSettings> {
    this.stored = { ...this.get(), ...change };
    await this.file.write(this.stored);
    return this.get();
  }
}
