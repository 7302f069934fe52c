import { useI18n } from '../../provider/use-atrium';
import { BankAccountsPanel } from './bank-accounts-panel';
import { SectionCard } from './section-card';
import type { SectionProps } from './section-props';
import { useSectionEditor } from './use-section-editor';

/** The account's bank accounts for payouts. */
export function BankAccountsSection({ account, onOpen }: SectionProps) {
  const { t } = useI18n();
  const editor = useSectionEditor<true>(onOpen);
  return (
    <SectionCard
      id="atr-management-bank"
      title={t('management.section.bank')}
      editing={undefined}
      onEdit={() => editor.start(true)}
      status={editor.status}
      editor={null}
    >
      <BankAccountsPanel
        account={account}
        host="account_management"
        onOpen={() => editor.start(true)}
        onSaved={editor.saved}
      />
    </SectionCard>
  );
}
