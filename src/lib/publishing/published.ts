/**
 * What may be published, in one object the downloads can plug in: DistributionEffects that
 * publish exactly what the pages publish (getPortal reads the same three functions):
 *   load        loadPublishableData — validated, embargoed files withheld; the reference date is
 *               PORTAL_TODAY or today in Beijing (the one deliberate non-determinism)
 *   suppress    suppressPortalData — sensitive counts 0 < n < threshold shown as “<N”
 *   indicators  publishableIndicators — computed with suppressed counts as not reported, so no
 *               per-pupil value or finding gives a hidden count back
 * For src/lib/export/portal.ts: `new DistributionBuilder({ dataDir, effects: publishedEffects })`.
 */
import type { PortalData } from '../model/types';
import type { PortalSettings } from '../settings/types';
import type { DistributionEffects } from '../export/distribution';
import { loadPublishableData } from '../privacy/publishable';
import { publicationDate } from '../privacy/embargo';
import { DEFAULT_THRESHOLD, suppressionMarker, suppressPortalData } from '../privacy/suppress';
import { publishableIndicators } from '../privacy/indicators';

export const publishedEffects: DistributionEffects = {
  load: async (dir: string) => {
    const r = await loadPublishableData(dir, publicationDate());
    if (!r.readable) return r.issues.map((i) => i.message).join('；') || '数据文件夹无法读取';
    return r.data;
  },
  suppress: (data: PortalData) => suppressPortalData(data),
  suppressionMarker: (settings: PortalSettings) => suppressionMarker(settings.suppression_threshold ?? DEFAULT_THRESHOLD),
  indicators: (data: PortalData) => publishableIndicators(data),
};
