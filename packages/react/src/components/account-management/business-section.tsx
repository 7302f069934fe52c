import type { Account } from '@atrium/core';
import { useI18n } from '../../provider/use-atrium';
import { Button } from '../../primitives/button/button';
import { formatAddress } from '../account-forms/format-address';
import { MCC_OPTIONS } from '../account-forms/mcc';
import { LazyBusinessDetailsForm } from './lazy-forms';
import { SectionCard } from './section-card';
import type { SectionProps } from './section-props';
import { useSectionEditor } from './use-section-editor';
import { SummaryList } from './summary-list';

/** How the business presents itself and, for companies, its legal details. */
export function BusinessSection({ account, onOpen }: SectionProps) {
  const { t, locale } = useI18n();
  const editor = useSectionEditor<true>(onOpen);
  const profile = account.business_profile;
  const mcc = MCC_OPTIONS.find((option) => option.mcc === profile.mcc);
  const company = account.company;
  const type = account.business_type;
  const rows: [string, string | undefined][] = [
    [t('fields.businessType.legend'), type === null ? undefined : t(`fields.businessType.${type}`)],
    [t('fields.business.name'), profile.name ?? undefined],
    [t('fields.business.mcc'), mcc ? t(mcc.key) : (profile.mcc ?? undefined)],
    [t('fields.business.url'), profile.url ?? undefined],
    [t('fields.business.productDescription'), profile.product_description ?? undefined],
    [t('fields.business.supportEmail'), profile.support_email ?? undefined],
    [t('fields.business.supportPhone'), profile.support_phone ?? undefined],
    [t('fields.business.supportUrl'), profile.support_url ?? undefined],
  ];
  if (company) {
    rows.push(
      [t('fields.company.name'), company.name ?? undefined],
      [t('fields.company.taxId'), company.tax_id_provided ? t('management.value.provided') : undefined],
      [t('fields.company.phone'), company.phone ?? undefined],
      [t('fields.company.address'), formatAddress(company.address, locale)],
    );
  }
  return (
    <SectionCard
      id="atr-management-business"
      title={t('management.section.business')}
      editing={editor.open === true}
      onEdit={() => editor.start(true)}
      status={editor.status}
      editor={<BusinessEditor account={account} onClose={editor.close} onSaved={editor.saved} />}
    >
      <SummaryList rows={rows} />
    </SectionCard>
  );
}

function BusinessEditor({ account, onClose, onSaved }: { account: Account; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  return (
    <LazyBusinessDetailsForm
      account={account}
      due={account.requirements.currently_due}
      mode="management"
      onSaved={onSaved}
      footer={(saving) => (
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" loading={saving}>
            {t('management.save')}
          </Button>
        </>
      )}
    />
  );
}
