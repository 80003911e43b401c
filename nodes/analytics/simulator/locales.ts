/**
 * Locales of the producer catalogue (digest §4.3) and the display names per locale. English names are derived from
 * the measure names; French and German translate the common ones and fall back to English for the rest.
 */

export const LOCALES = ['de', 'en-us', 'es', 'fr', 'it', 'ja', 'ko', 'pt_BR', 'ru', 'zh-cn', 'zh-tw'] as const;
export type Locale = (typeof LOCALES)[number];

/** 'en' (the curl examples), 'EN-US', 'pt-br' all find their table entry; undefined for a locale the table lacks. */
export function resolveLocale(requested: string | null | undefined): Locale | undefined {
  if (requested === null || requested === undefined || requested === '') return 'en-us';
  const key = requested.toLowerCase().replace('_', '-');
  if (key === 'en') return 'en-us';
  return LOCALES.find((l) => l.toLowerCase().replace('_', '-') === key);
}

const FR: Record<string, string> = {
  offered: 'Proposés', answered: 'Répondus', abandoned: 'Abandonnés', completed: 'Terminés', transferred: 'Transférés',
  agentId: 'Agent', agentState: "État de l'agent", workState: 'État de travail', agentReady: 'Passages en prêt',
  agentNotReady: 'Passages en non prêt', agentNotReadyTimeDuration: 'Durée non prêt', idleTimeDuration: "Durée d'inactivité",
  handlingDuration: 'Durée de traitement', acwDuration: 'Durée de post-traitement', active: 'Actifs', alerting: 'En sonnerie',
  contactsWaiting: 'Contacts en attente', routingServiceName: 'Service de routage', groupId: 'Groupe', siteName: 'Site',
  channelId: 'Canal', accountState: 'État du compte', nrReasonCode: 'Code de motif', nrReasonCodeName: 'Motif de non-disponibilité',
  routingPointId: 'Point de routage', segmentId: 'Segment',
};

const DE: Record<string, string> = {
  offered: 'Angeboten', answered: 'Angenommen', abandoned: 'Abgebrochen', completed: 'Abgeschlossen', transferred: 'Weitergeleitet',
  agentId: 'Agent', agentState: 'Agentenstatus', workState: 'Arbeitsstatus', active: 'Aktiv', alerting: 'Klingelnd',
  contactsWaiting: 'Wartende Kontakte', routingServiceName: 'Routing-Dienst', groupId: 'Gruppe', channelId: 'Kanal',
};

const TRANSLATIONS: Partial<Record<Locale, Record<string, string>>> = { fr: FR, de: DE };

/** agentNotReadyTimeDuration -> "Agent Not Ready Time Duration". */
export function englishName(name: string): string {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function displayName(name: string, locale: Locale): string {
  return TRANSLATIONS[locale]?.[name] ?? englishName(name);
}
