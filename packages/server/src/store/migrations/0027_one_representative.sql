-- An account has one representative at a time, as Stripe has it: naming another person the
-- representative hands the role over (services/accounts/persons.ts). Before this, a second
-- representative could be added beside the first; the one added last keeps the role.
UPDATE persons p SET relationship = p.relationship || '{"representative": false}'::jsonb
 WHERE NOT p.deleted AND p.relationship @> '{"representative": true}'::jsonb
   AND EXISTS (SELECT 1 FROM persons n
                WHERE n.account_id = p.account_id AND NOT n.deleted AND n.seq > p.seq
                  AND n.relationship @> '{"representative": true}'::jsonb);

CREATE UNIQUE INDEX persons_one_representative ON persons (account_id)
 WHERE NOT deleted AND relationship @> '{"representative": true}'::jsonb;
