/*
 * The demo platform's own terms and privacy notice, which the onboarding's review step links to.
 * A real platform links its own documents; these say what the demo is.
 */

export function TermsPage() {
  return (
    <article className="demo-legal">
      <h1>Services agreement</h1>
      <p>
        Atrium Watch Market is a demonstration. Selling here moves no real money: every payment, transfer and payout
        runs in Atrium&apos;s test mode, on simulated cards and banks.
      </p>
      <p>
        By accepting, you agree that the marketplace keeps a platform fee of each sale, that your payouts follow the
        schedule you choose, and that refunds you grant come out of your balance.
      </p>
    </article>
  );
}

export function PrivacyPage() {
  return (
    <article className="demo-legal">
      <h1>Privacy policy</h1>
      <p>
        The details you give during onboarding are kept in this demo&apos;s own database, on the machine it runs on.
        Identity numbers, bank account numbers and documents are encrypted there, and nothing is sent anywhere else.
      </p>
    </article>
  );
}
