import { AdminPage } from './pages/admin';
import { PrivacyPage, TermsPage } from './pages/legal';
import { SellerPage } from './pages/seller';
import { ShopPage } from './pages/shop';
import { Link, usePath } from './router';

/** The demo marketplace: buyers, sellers and the platform's admin, each on its own page. */
export function App() {
  const path = usePath();
  const seller = /^\/seller\/(acct_[A-Za-z0-9]+)/.exec(path)?.[1];
  const page = path.startsWith('/seller') ? (
    <SellerPage accountId={seller} />
  ) : path.startsWith('/admin') ? (
    <AdminPage />
  ) : path === '/terms' ? (
    <TermsPage />
  ) : path === '/privacy' ? (
    <PrivacyPage />
  ) : (
    <ShopPage />
  );
  return (
    <>
      <header className="demo-header">
        <strong>Atrium Watch Market</strong>
        <nav aria-label="Main">
          <Link href="/">Shop</Link>
          <Link href="/seller">Sell</Link>
          <Link href="/admin">Admin</Link>
        </nav>
      </header>
      <main className="demo-main">{page}</main>
    </>
  );
}
