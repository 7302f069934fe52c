import { accountSchema, countrySpec, isSupportedCountry, transferSchema } from '@atrium/core';
import type { Account, Currency, Transfer } from '@atrium/core';
import { useMemo } from 'react';
import { useAtriumQuery } from '../../data/use-atrium-query';
import { useGrant } from '../../data/use-atrium-session';
import type { CommonComponentProps } from '../../embedded/common-props';
import { EmbeddedComponent } from '../../embedded/embedded-component';
import { Banner } from '../../primitives/banner/banner';
import { Button } from '../../primitives/button/button';
import { EmptyState } from '../../primitives/empty-state/empty-state';
import { ExportButton } from '../money-tables/export-button';
import { MoneyStyles } from '../money-tables/money-styles';
import { MoneyTable } from '../money-tables/money-table';
import { clampPageSize } from '../money-tables/paged-list';
import { useMoneyI18n } from '../money-tables/use-money-i18n';
import { usePagedList } from '../money-tables/use-paged-list';
import type { PagedListResult } from '../money-tables/use-paged-list';
import { SendTransferDialog } from './send-transfer-dialog';
import { transferColumns } from './transfer-columns';

export interface TransfersListProps extends CommonComponentProps {
  /** Called with each transfer the user sends from the component. */
  onTransferCreated?: (transfer: Transfer) => void;
  /** Rows per page read from the BFF, 1–100 (default 50); more load as the user scrolls. */
  pageSize?: number;
}

const DEFAULT_PAGE_SIZE = 50;
const NO_QUERY = {};
const NO_SORTING: never[] = [];
const ignore = () => undefined;

/**
 * The account's transfers in and out: from the platform, from and to other connected accounts
 * (account-to-account), newest first, with CSV export and paging as the user scrolls; and a form
 * to send money to another account when the session grants `transfer_balance` on
 * `transfers_list`. Needs the `transfers_list` component in the account session.
 */
export function TransfersList({ onTransferCreated, pageSize = DEFAULT_PAGE_SIZE, ...common }: TransfersListProps) {
  const account = useAtriumQuery('/account', { schema: accountSchema });
  const list = usePagedList({
    path: '/transfers',
    query: NO_QUERY,
    item: transferSchema,
    pageSize: clampPageSize(pageSize),
  });
  return (
    <EmbeddedComponent component="transfers_list" queries={[account, list.shell]} {...common}>
      {(accountData) => (
        <>
          <MoneyStyles />
          <TransfersView account={accountData} list={list} onTransferCreated={onTransferCreated} />
        </>
      )}
    </EmbeddedComponent>
  );
}

/** The currencies a transfer may be sent in: the account's default first, then its country's payout currencies. */
function sendableCurrencies(account: Account): Currency[] {
  const spec = isSupportedCountry(account.country) ? countrySpec(account.country).payoutCurrencies : [];
  return [...new Set([account.default_currency, ...spec])];
}

interface TransfersViewProps {
  account: Account;
  list: PagedListResult<Transfer>;
  onTransferCreated: ((transfer: Transfer) => void) | undefined;
}

function TransfersView({ account, list, onTransferCreated }: TransfersViewProps) {
  const i18n = useMoneyI18n();
  const { t } = i18n;
  const canSend = useGrant('transfers_list', 'transfer_balance');
  const columns = useMemo(() => transferColumns(i18n, account.id), [i18n, account.id]);
  const csvColumns = useMemo(() => columns.flatMap((column) => column.csv ?? []), [columns]);
  return (
    <div className="atr-stack">
      <div className="atr-section-header">
        <h2 className="atr-heading">{t('money.transfers.title')}</h2>
        {canSend && (
          <SendTransferDialog
            account={account.id}
            currencies={sendableCurrencies(account)}
            onTransferCreated={onTransferCreated}
          />
        )}
      </div>
      {list.error !== undefined && (
        <Banner
          tone="danger"
          live
          title={t('money.table.refreshFailed')}
          action={
            <Button size="sm" onClick={list.retry}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {list.rows.length === 0 ? (
        <EmptyState title={t('money.transfers.empty')} description={t('money.transfers.emptyHint')} />
      ) : (
        <MoneyTable
          label={t('money.transfers.title')}
          columns={columns}
          rows={list.rows}
          sorting={NO_SORTING}
          onSortingChange={ignore}
          hasMore={list.hasMore}
          loadingMore={list.loadingMore}
          onLoadMore={list.loadMore}
          actions={<ExportButton name="transfers" columns={csvColumns} fetchPage={list.fetchPage} />}
          footer={t('money.transfers.shown', { count: list.rows.length })}
        />
      )}
    </div>
  );
}
