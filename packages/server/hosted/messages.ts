import type { Language } from '@atrium/react';
import type { HostedBootstrap } from './bootstrap';

/** The hosted page's own words around the components, in every language the components speak. */
export interface HostedMessages {
  titles: Record<HostedBootstrap['type'], string>;
  returnToPlatform: string;
  saveAndReturnLater: string;
}

export const HOSTED_MESSAGES: Record<Language, HostedMessages> = {
  en: {
    titles: { account_onboarding: 'Set up your account', account_update: 'Your account', payouts_portal: 'Payouts' },
    returnToPlatform: 'Return to the platform',
    saveAndReturnLater: 'Save and return later',
  },
  fr: {
    titles: {
      account_onboarding: 'Configurez votre compte',
      account_update: 'Votre compte',
      payouts_portal: 'Virements',
    },
    returnToPlatform: 'Revenir à la plateforme',
    saveAndReturnLater: 'Enregistrer et reprendre plus tard',
  },
  de: {
    titles: {
      account_onboarding: 'Richten Sie Ihr Konto ein',
      account_update: 'Ihr Konto',
      payouts_portal: 'Auszahlungen',
    },
    returnToPlatform: 'Zurück zur Plattform',
    saveAndReturnLater: 'Speichern und später fortfahren',
  },
  es: {
    titles: { account_onboarding: 'Configura tu cuenta', account_update: 'Tu cuenta', payouts_portal: 'Retiros' },
    returnToPlatform: 'Volver a la plataforma',
    saveAndReturnLater: 'Guardar y continuar más tarde',
  },
  ja: {
    titles: { account_onboarding: 'アカウントの設定', account_update: 'アカウント', payouts_portal: '入金' },
    returnToPlatform: 'プラットフォームに戻る',
    saveAndReturnLater: '保存して後で続ける',
  },
};
