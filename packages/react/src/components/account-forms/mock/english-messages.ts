import { en } from 'zod/locales';
import { z } from 'zod/mini';

let english = false;

/**
 * Makes zod word its default messages in English, as the BFF's are (the server's classic zod does
 * this when it loads). The browser's schemas are on zod/mini, which ships no messages, so without
 * it a fake API's refusal would read "Invalid business_profile: Invalid input" where the BFF says
 * what is wrong. The fake APIs call it when they are made, never on import, so a production page
 * never loads the messages. It sets zod's global configuration, once.
 */
export function enableEnglishSchemaMessages(): void {
  if (english) return;
  z.config(en());
  english = true;
}
