import type { MessageKey } from '../../i18n/catalog';

/** Common merchant category codes (MCC), with the names people know their industry by. */
export const MCC_OPTIONS: readonly { mcc: string; key: MessageKey }[] = [
  { mcc: '5944', key: 'fields.mcc.5944' },
  { mcc: '5691', key: 'fields.mcc.5691' },
  { mcc: '5399', key: 'fields.mcc.5399' },
  { mcc: '5999', key: 'fields.mcc.5999' },
  { mcc: '5734', key: 'fields.mcc.5734' },
  { mcc: '5817', key: 'fields.mcc.5817' },
  { mcc: '5812', key: 'fields.mcc.5812' },
  { mcc: '7922', key: 'fields.mcc.7922' },
  { mcc: '8299', key: 'fields.mcc.8299' },
  { mcc: '7299', key: 'fields.mcc.7299' },
  { mcc: '8999', key: 'fields.mcc.8999' },
  { mcc: '8398', key: 'fields.mcc.8398' },
];
