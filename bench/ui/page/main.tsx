// The page the UI benchmark loads: `PayoutsList` over a fake client whose `GET /payouts` answers
// `?rows=` payouts (10,000 by default) in one page, so the render measured is the component's own:
// the contract check of every row, the table model, the virtualized body. `?pageSize=` makes the
// list page normally instead (the server's 100 at most), for the load-more measurement.
import { createRoot } from 'react-dom/client';
import { AtriumTestProvider, buildList, buildPayoutHistory, createFakeClient } from '@atrium/react/testing';
import { PayoutsList } from '@atrium/react/payouts-list';

declare global {
  interface Window {
    /** Set once the first rows are on screen; the benchmark waits for it. */
    atriumRowsShown?: boolean;
  }
}

const search = new URLSearchParams(window.location.search);
const rowCount = Number(search.get('rows') ?? 10_000);
const pageSize = search.get('pageSize');
const history = buildPayoutHistory(rowCount);
const client = createFakeClient({
  data: { payouts: history },
  routes: pageSize === null ? { 'GET /payouts': () => buildList(history, '/v1/payouts') } : {},
});

const container = document.getElementById('root');
if (container === null) throw new Error('The benchmark page has no #root element.');

const observer = new MutationObserver(() => {
  if (container.querySelector('tbody tr[aria-rowindex]') === null) return;
  observer.disconnect();
  // The next frame is the first one painted with the rows in it.
  requestAnimationFrame(() => {
    performance.mark('atrium:rows-shown');
    window.atriumRowsShown = true;
  });
});
observer.observe(container, { childList: true, subtree: true });

performance.mark('atrium:render-start');
createRoot(container).render(
  <AtriumTestProvider client={client}>
    <PayoutsList pageSize={pageSize === null ? 100 : Number(pageSize)} />
  </AtriumTestProvider>,
);
