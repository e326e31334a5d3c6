// The satisfaction figures over a year without reading a year of ratings (issue 10; DOMAIN §8).
//
// Each rating carries what the figures group it by, kept exact by triggers in the transaction of
// every write that could change it:
// - business_day: the hall day it was given on (hall.timeZone; a trigger cannot call Intl, so the
//   app's `hall_day(instant, zone)` SQL function, db/connection.ts, computes it from the stored setting);
// - service_day: the hall day of the service it rates (the ticket's day, or the day the case reached
//   the stage rated), which 主动评价率 counts by;
// - counted: 0 when an upheld appeal removed it or it rates an example item's case, else 1. This is
//   the one definition of a counted rating: an appeal's review, an item's example flag, a case's
//   item or days and a ticket's day all refresh the ratings concerned.
// Per-day sums of the counted ratings follow those columns: rating_daily (by channel, window and
// clerk: the satisfaction report's groupings; 0 stands for none, as a key cannot be NULL) and
// rating_service_daily (the services rated, by the day of the service). case_daily holds the cases
// received, accepted and concluded per day and item (the services finished at a case stage, and
// the day rows of the reports); example items are left out when read, as the flag may change.
// Existing rows are filled in here, so a hall that upgrades keeps every figure.
import type { Db } from '../connection.js';

export const version = 16;
export const name = 'rating-day-sums';

/** The hall's time zone as stored; absent, the default of SETTING_DEFAULTS['hall.timeZone']. */
const HALL_ZONE = `coalesce((SELECT s.value ->> '$' FROM settings s WHERE s.key = 'hall.timeZone'), 'Asia/Shanghai')`;

/** Recomputes the grouping columns of the ratings `where` selects; the sums follow through ratings_sums_update. */
const refresh = (where: string) => `
  UPDATE ratings SET
    business_day = hall_day(created_at, ${HALL_ZONE}),
    service_day = CASE
      WHEN ticket_id IS NOT NULL THEN (SELECT t.business_day FROM tickets t WHERE t.id = ratings.ticket_id)
      WHEN stage = 'accepted' THEN (SELECT c.accepted_day FROM cases c WHERE c.id = ratings.case_id)
      WHEN stage = 'concluded' THEN (SELECT c.concluded_day FROM cases c WHERE c.id = ratings.case_id) END,
    counted = NOT EXISTS (SELECT 1 FROM rating_work_orders o WHERE o.rating_id = ratings.id AND o.review_decision = 'upheld')
      AND (case_id IS NULL OR NOT EXISTS (SELECT 1 FROM cases c JOIN items i ON i.code = c.item_code WHERE c.id = ratings.case_id AND i.example = 1))
  WHERE ${where};`;

/** Adds (sign 1) or takes away (sign -1) one rating row (NEW or OLD) from the sums, if it counts. */
const sums = (row: 'NEW' | 'OLD', sign: 1 | -1) => `
  INSERT INTO rating_daily (business_day, channel, window_id, clerk_id, ratings, satisfied, bad)
    SELECT ${row}.business_day, ${row}.channel, coalesce(${row}.window_id, 0), coalesce(${row}.clerk_id, 0), ${sign}, ${sign} * (${row}.level >= 3), ${sign} * (${row}.level <= 2)
    WHERE ${row}.counted = 1 AND ${row}.business_day IS NOT NULL
    ON CONFLICT (business_day, channel, window_id, clerk_id) DO UPDATE SET
      ratings = ratings + excluded.ratings, satisfied = satisfied + excluded.satisfied, bad = bad + excluded.bad;
  INSERT INTO rating_service_daily (service_day, rated) SELECT ${row}.service_day, ${sign} WHERE ${row}.counted = 1 AND ${row}.service_day IS NOT NULL
    ON CONFLICT (service_day) DO UPDATE SET rated = rated + excluded.rated;`;

/** Adds or takes away one case (NEW or OLD) from the day counts of its three days. */
const caseDays = (row: 'NEW' | 'OLD', sign: 1 | -1) =>
  (
    [
      ['business_day', 'received'],
      ['accepted_day', 'accepted'],
      ['concluded_day', 'concluded'],
    ] as const
  )
    .map(
      ([day, column]) => `
  INSERT INTO case_daily (day, item_code, ${column}) SELECT ${row}.${day}, ${row}.item_code, ${sign} WHERE ${row}.${day} IS NOT NULL
    ON CONFLICT (day, item_code) DO UPDATE SET ${column} = ${column} + excluded.${column};`,
    )
    .join('');

export function up(db: Db): void {
  db.exec(`
    ALTER TABLE ratings ADD COLUMN business_day TEXT;
    ALTER TABLE ratings ADD COLUMN service_day TEXT;
    ALTER TABLE ratings ADD COLUMN counted INTEGER CHECK (counted IN (0, 1));
    ${refresh('1')}
    -- An item's or a case's ratings are refreshed through the case; the report's case groupings read
    -- a period's counted case ratings from the second index alone.
    CREATE INDEX ratings_by_case ON ratings(case_id) WHERE case_id IS NOT NULL;
    CREATE INDEX ratings_case_day ON ratings(business_day, case_id, level) WHERE case_id IS NOT NULL AND counted = 1;
    -- The counted bad ratings of a period (a few per hundred), for 实名差评回访率; the ratings that do
    -- not count (few, but for a demo catalogue), so the work orders due in a period are counted from
    -- two indexes without reading a rating or an order.
    CREATE INDEX ratings_bad_day ON ratings(business_day) WHERE level <= 2 AND counted = 1;
    CREATE INDEX ratings_uncounted ON ratings(id) WHERE counted = 0;
    CREATE INDEX rating_work_orders_due ON rating_work_orders(rectify_due, outcome, rating_id);

    CREATE TABLE rating_daily (
      business_day TEXT NOT NULL,
      channel TEXT NOT NULL,
      window_id INTEGER NOT NULL,
      clerk_id INTEGER NOT NULL,
      ratings INTEGER NOT NULL,
      satisfied INTEGER NOT NULL,
      bad INTEGER NOT NULL,
      PRIMARY KEY (business_day, channel, window_id, clerk_id)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO rating_daily (business_day, channel, window_id, clerk_id, ratings, satisfied, bad)
      SELECT business_day, channel, coalesce(window_id, 0), coalesce(clerk_id, 0), count(*), sum(level >= 3), sum(level <= 2)
      FROM ratings WHERE counted = 1 GROUP BY 1, 2, 3, 4;

    CREATE TABLE rating_service_daily (
      service_day TEXT PRIMARY KEY,
      rated INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
    INSERT INTO rating_service_daily (service_day, rated)
      SELECT service_day, count(*) FROM ratings WHERE counted = 1 AND service_day IS NOT NULL GROUP BY 1;

    CREATE TABLE case_daily (
      day TEXT NOT NULL,
      item_code TEXT NOT NULL,
      received INTEGER NOT NULL DEFAULT 0,
      accepted INTEGER NOT NULL DEFAULT 0,
      concluded INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (day, item_code)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO case_daily (day, item_code, received, accepted, concluded)
      SELECT day, item_code, sum(kind = 'r'), sum(kind = 'a'), sum(kind = 'c') FROM (
        SELECT business_day AS day, item_code, 'r' AS kind FROM cases
        UNION ALL SELECT accepted_day, item_code, 'a' FROM cases WHERE accepted_day IS NOT NULL
        UNION ALL SELECT concluded_day, item_code, 'c' FROM cases WHERE concluded_day IS NOT NULL)
      GROUP BY day, item_code;

    CREATE TRIGGER ratings_days_insert AFTER INSERT ON ratings BEGIN ${refresh('id = NEW.id')} END;
    CREATE TRIGGER ratings_days_update AFTER UPDATE OF created_at, ticket_id, case_id, stage ON ratings BEGIN ${refresh('id = NEW.id')} END;
    CREATE TRIGGER ratings_sums_update AFTER UPDATE OF business_day, service_day, counted, level, channel, window_id, clerk_id ON ratings
    WHEN OLD.business_day IS NOT NEW.business_day OR OLD.service_day IS NOT NEW.service_day OR OLD.counted IS NOT NEW.counted
      OR OLD.level IS NOT NEW.level OR OLD.channel IS NOT NEW.channel OR OLD.window_id IS NOT NEW.window_id OR OLD.clerk_id IS NOT NEW.clerk_id
    BEGIN ${sums('OLD', -1)} ${sums('NEW', 1)} END;
    CREATE TRIGGER ratings_sums_delete AFTER DELETE ON ratings BEGIN ${sums('OLD', -1)} END;

    CREATE TRIGGER rating_work_orders_counted_insert AFTER INSERT ON rating_work_orders WHEN NEW.review_decision = 'upheld'
    BEGIN ${refresh('id = NEW.rating_id')} END;
    CREATE TRIGGER rating_work_orders_counted_update AFTER UPDATE OF review_decision, rating_id ON rating_work_orders
    WHEN OLD.review_decision IS NOT NEW.review_decision OR OLD.rating_id IS NOT NEW.rating_id
    BEGIN ${refresh('id IN (OLD.rating_id, NEW.rating_id)')} END;
    CREATE TRIGGER rating_work_orders_counted_delete AFTER DELETE ON rating_work_orders WHEN OLD.review_decision = 'upheld'
    BEGIN ${refresh('id = OLD.rating_id')} END;

    CREATE TRIGGER items_counted_insert AFTER INSERT ON items WHEN NEW.example = 1
    BEGIN ${refresh('case_id IN (SELECT c.id FROM cases c WHERE c.item_code = NEW.code)')} END;
    CREATE TRIGGER items_counted_update AFTER UPDATE OF example, code ON items WHEN OLD.example IS NOT NEW.example OR OLD.code IS NOT NEW.code
    BEGIN ${refresh('case_id IN (SELECT c.id FROM cases c WHERE c.item_code IN (OLD.code, NEW.code))')} END;
    CREATE TRIGGER items_counted_delete AFTER DELETE ON items WHEN OLD.example = 1
    BEGIN ${refresh('case_id IN (SELECT c.id FROM cases c WHERE c.item_code = OLD.code)')} END;

    CREATE TRIGGER cases_rated_update AFTER UPDATE OF item_code, accepted_day, concluded_day ON cases
    WHEN OLD.item_code IS NOT NEW.item_code OR OLD.accepted_day IS NOT NEW.accepted_day OR OLD.concluded_day IS NOT NEW.concluded_day
    BEGIN ${refresh('case_id = NEW.id')} END;
    CREATE TRIGGER cases_rated_delete AFTER DELETE ON cases BEGIN ${refresh('case_id = OLD.id')} END;
    CREATE TRIGGER tickets_rated_update AFTER UPDATE OF business_day ON tickets WHEN OLD.business_day IS NOT NEW.business_day
    BEGIN ${refresh('ticket_id = NEW.id')} END;

    CREATE TRIGGER case_daily_insert AFTER INSERT ON cases BEGIN ${caseDays('NEW', 1)} END;
    CREATE TRIGGER case_daily_update AFTER UPDATE OF business_day, accepted_day, concluded_day, item_code ON cases
    WHEN OLD.business_day IS NOT NEW.business_day OR OLD.accepted_day IS NOT NEW.accepted_day OR OLD.concluded_day IS NOT NEW.concluded_day
      OR OLD.item_code IS NOT NEW.item_code
    BEGIN ${caseDays('OLD', -1)} ${caseDays('NEW', 1)} END;
    CREATE TRIGGER case_daily_delete AFTER DELETE ON cases BEGIN ${caseDays('OLD', -1)} END;
  `);
}
