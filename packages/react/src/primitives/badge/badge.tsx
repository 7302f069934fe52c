import type { BankAccount, Charge, Payout, Refund } from '@atrium/core';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n/catalog';
import { useI18n } from '../../provider/use-atrium';

export type BadgeTone = 'neutral' | 'success' | 'warning' | 'danger' | 'info';

export interface BadgeProps {
  tone?: BadgeTone;
  children: ReactNode;
}

/** A short label in a tone's colours. */
export function Badge({ tone = 'neutral', children }: BadgeProps) {
  return (
    <span className="atr-badge" data-tone={tone}>
      {children}
    </span>
  );
}

/** The statuses StatusBadge knows, by the kind of object they belong to. */
interface Statuses {
  payout: Payout['status'];
  charge: Charge['status'];
  refund: Refund['status'];
  bank_account: BankAccount['status'];
}

export type StatusKind = keyof Statuses;

export type StatusBadgeProps = { [K in StatusKind]: { kind: K; status: Statuses[K] } }[StatusKind];

const TONES: { [K in StatusKind]: Record<Statuses[K], BadgeTone> } = {
  payout: { paid: 'success', pending: 'neutral', in_transit: 'info', canceled: 'neutral', failed: 'danger' },
  charge: { succeeded: 'success', pending: 'neutral', failed: 'danger' },
  refund: {
    pending: 'neutral',
    requires_action: 'warning',
    succeeded: 'success',
    failed: 'danger',
    canceled: 'neutral',
  },
  bank_account: {
    new: 'neutral',
    validated: 'info',
    verified: 'success',
    verification_failed: 'danger',
    errored: 'danger',
  },
};

type StatusMessageKey = { [K in StatusKind]: `status.${K}.${Statuses[K]}` }[StatusKind];

// Fails to compile when a status has no message in the catalogs.
const statusKey = (kind: StatusKind, status: string) =>
  `status.${kind}.${status}` as StatusMessageKey satisfies MessageKey;

/** An object's status in words of the user's language and the tone that fits it. */
export function StatusBadge(props: StatusBadgeProps) {
  const { t } = useI18n();
  const tone = (TONES[props.kind] as Record<string, BadgeTone>)[props.status] ?? 'neutral';
  return (
    <span className="atr-badge" data-tone={tone} data-state={props.status}>
      {t(statusKey(props.kind, props.status))}
    </span>
  );
}
