import { MONEY_STYLESHEET, MONEY_STYLESHEET_HREF } from './styles';

/** Brings the money components' stylesheet; React inserts it into the document once. */
export function MoneyStyles() {
  return (
    <style href={MONEY_STYLESHEET_HREF} precedence="atrium">
      {MONEY_STYLESHEET}
    </style>
  );
}
