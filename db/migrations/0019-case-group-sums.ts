// The report's case groupings (by item, by village, and their totals: DOMAIN §8) from day sums, as the
// satisfaction figures are since migration 16. Over a year of a busy hall (1M cases, 117k case
// ratings) the summary read every case of the range three times, and every case rating's case three
// times: 14 s for one report. Now:
// - case_daily is kept per day, item and village (village_code '' for a case from no village), with
//   the cases concluded on time beside those concluded (a case without a due date cannot be late);
// - each rating carries its case's item and village (case_item, case_village: NULL for a ticket's
//   rating), kept by the same refresh as its day and counted flag, and rating_case_daily sums the
//   counted case ratings per day they were given, item and village.
// The triggers that refresh a rating are those of migration 16, written out again with the two new
// columns (a migration's SQL is never changed once shipped); a case moved to another village now
// refreshes its ratings too. Example items' cases are still left out when read (REAL_CASES), as the
// flag may change; their ratings are not counted in the first place.
import type { Db } from '../connection.js';

export const version = 19;
export const name = 'case-group-sums';

/** The hall's time zone as stored; absent, the default of SETTING_DEFAULTS['hall.timeZone']. */
const HALL_ZONE = `coalesce((SELECT s.value ->> '$' FROM settings s WHERE s.key = 'hall.timeZone'), 'Asia/Shanghai')`;

/** Recomputes what the figures group the ratings `where` selects by; the sums follow through ratings_sums_update. */
const refresh = (where: string) => `
  UPDATE ratings SET
    business_day = hall_day(created_at, ${HALL_ZONE}),
    service_day = CASE
      WHEN ticket_id IS NOT NULL THEN (SELECT t.business_day FROM tickets t WHERE t.id = ratings.ticket_id)
      WHEN stage = 'accepted' THEN (SELECT c.accepted_day FROM cases c WHERE c.id = ratings.case_id)
      WHEN stage = 'concluded' THEN (SELECT c.concluded_day FROM cases c WHERE c.id = ratings.case_id) END,
    counted = NOT EXISTS (SELECT 1 FROM rating_work_orders o WHERE o.rating_id = ratings.id AND o.review_decision = 'upheld')
      AND (case_id IS NULL OR NOT EXISTS (SELECT 1 FROM cases c JOIN items i ON i.code = c.item_code WHERE c.id = ratings.case_id AND i.example = 1)),
    case_item = (SELECT c.item_code FROM cases c WHERE c.id = ratings.case_id),
    case_village = (SELECT coalesce(c.village_code, '') FROM cases c WHERE c.id = ratings.case_id)
  WHERE ${where};`;

/** Adds (sign 1) or takes away (sign -1) one rating row (NEW or OLD) from the sums, if it counts. */
const sums = (row: 'NEW' | 'OLD', sign: 1 | -1) => `
  INSERT INTO rating_daily (business_day, channel, window_id, clerk_id, ratings, satisfied, bad)
    SELECT ${row}.business_day, ${row}.channel, coalesce(${row}.window_id, 0), coalesce(${row}.clerk_id, 0), ${sign}, ${sign} * (${row}.level >= 3), ${sign} * (${row}.level <= 2)
    WHERE ${row}.counted = 1 AND ${row}.business_day IS NOT NULL
    ON CONFLICT (business_day, channel, window_id, clerk_id) DO UPDATE SET
      ratings = ratings + excluded.ratings, satisfied = satisfied + excluded.satisfied, bad = bad + excluded.bad;
  INSERT INTO rating_service_daily (service_day, rated) SELECT ${row}.service_day, ${sign} WHERE ${row}.counted = 1 AND ${row}.service_day IS NOT NULL
    ON CONFLICT (service_day) DO UPDATE SET rated = rated + excluded.rated;
  INSERT INTO rating_case_daily (business_day, item_code, village_code, ratings, satisfied)
    SELECT ${row}.business_day, ${row}.case_item, ${row}.case_village, ${sign}, ${sign} * (${row}.level >= 3)
    WHERE ${row}.counted = 1 AND ${row}.business_day IS NOT NULL AND ${row}.case_item IS NOT NULL
    ON CONFLICT (business_day, item_code, village_code) DO UPDATE SET ratings = ratings + excluded.ratings, satisfied = satisfied + excluded.satisfied;`;

/** Adds or takes away one case (NEW or OLD) from the day counts of its three days. */
const caseDays = (row: 'NEW' | 'OLD', sign: 1 | -1) => {
  const onTime = `(${row}.due_date IS NULL OR ${row}.concluded_day <= ${row}.due_date)`;
  return (
    [
      ['business_day', 'received', `${sign}`, '0'],
      ['accepted_day', 'accepted', `${sign}`, '0'],
      ['concluded_day', 'concluded', `${sign}`, `${sign} * ${onTime}`],
    ] as const
  )
    .map(
      ([day, column, count, onTimeCount]) => `
  INSERT INTO case_daily (day, item_code, village_code, ${column}, concluded_on_time)
    SELECT ${row}.${day}, ${row}.item_code, coalesce(${row}.village_code, ''), ${count}, ${onTimeCount} WHERE ${row}.${day} IS NOT NULL
    ON CONFLICT (day, item_code, village_code) DO UPDATE SET ${column} = ${column} + excluded.${column}, concluded_on_time = concluded_on_time + excluded.concluded_on_time;`,
    )
    .join('');
};

export function up(db: Db): void {
  db.exec(`
    DROP TRIGGER ratings_days_insert;
    DROP TRIGGER ratings_days_update;
    DROP TRIGGER ratings_sums_update;
    DROP TRIGGER ratings_sums_delete;
    DROP TRIGGER rating_work_orders_counted_insert;
    DROP TRIGGER rating_work_orders_counted_update;
    DROP TRIGGER rating_work_orders_counted_delete;
    DROP TRIGGER items_counted_insert;
    DROP TRIGGER items_counted_update;
    DROP TRIGGER items_counted_delete;
    DROP TRIGGER cases_rated_update;
    DROP TRIGGER cases_rated_delete;
    DROP TRIGGER tickets_rated_update;
    DROP TRIGGER case_daily_insert;
    DROP TRIGGER case_daily_update;
    DROP TRIGGER case_daily_delete;

    ALTER TABLE ratings ADD COLUMN case_item TEXT;
    ALTER TABLE ratings ADD COLUMN case_village TEXT;
    ${refresh('case_id IS NOT NULL')}

    CREATE TABLE rating_case_daily (
      business_day TEXT NOT NULL,
      item_code TEXT NOT NULL,
      village_code TEXT NOT NULL,
      ratings INTEGER NOT NULL,
      satisfied INTEGER NOT NULL,
      PRIMARY KEY (business_day, item_code, village_code)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO rating_case_daily (business_day, item_code, village_code, ratings, satisfied)
      SELECT business_day, case_item, case_village, count(*), sum(level >= 3)
      FROM ratings WHERE counted = 1 AND case_item IS NOT NULL AND business_day IS NOT NULL GROUP BY 1, 2, 3;

    CREATE TABLE case_daily_by_village (
      day TEXT NOT NULL,
      item_code TEXT NOT NULL,
      village_code TEXT NOT NULL,
      received INTEGER NOT NULL DEFAULT 0,
      accepted INTEGER NOT NULL DEFAULT 0,
      concluded INTEGER NOT NULL DEFAULT 0,
      concluded_on_time INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (day, item_code, village_code)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO case_daily_by_village (day, item_code, village_code, received, accepted, concluded, concluded_on_time)
      SELECT day, item_code, village_code, sum(kind = 'r'), sum(kind = 'a'), sum(kind = 'c'), sum(kind = 'c' AND on_time) FROM (
        SELECT business_day AS day, item_code, coalesce(village_code, '') AS village_code, 'r' AS kind, 0 AS on_time FROM cases
        UNION ALL SELECT accepted_day, item_code, coalesce(village_code, ''), 'a', 0 FROM cases WHERE accepted_day IS NOT NULL
        UNION ALL SELECT concluded_day, item_code, coalesce(village_code, ''), 'c', due_date IS NULL OR concluded_day <= due_date
          FROM cases WHERE concluded_day IS NOT NULL)
      GROUP BY day, item_code, village_code;
    DROP TABLE case_daily;
    ALTER TABLE case_daily_by_village RENAME TO case_daily;

    CREATE TRIGGER ratings_days_insert AFTER INSERT ON ratings BEGIN ${refresh('id = NEW.id')} END;
    CREATE TRIGGER ratings_days_update AFTER UPDATE OF created_at, ticket_id, case_id, stage ON ratings BEGIN ${refresh('id = NEW.id')} END;
    CREATE TRIGGER ratings_sums_update AFTER UPDATE OF business_day, service_day, counted, level, channel, window_id, clerk_id, case_item, case_village ON ratings
    WHEN OLD.business_day IS NOT NEW.business_day OR OLD.service_day IS NOT NEW.service_day OR OLD.counted IS NOT NEW.counted
      OR OLD.level IS NOT NEW.level OR OLD.channel IS NOT NEW.channel OR OLD.window_id IS NOT NEW.window_id OR OLD.clerk_id IS NOT NEW.clerk_id
      OR OLD.case_item IS NOT NEW.case_item OR OLD.case_village IS NOT NEW.case_village
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

    CREATE TRIGGER cases_rated_update AFTER UPDATE OF item_code, village_code, accepted_day, concluded_day ON cases
    WHEN OLD.item_code IS NOT NEW.item_code OR OLD.village_code IS NOT NEW.village_code OR OLD.accepted_day IS NOT NEW.accepted_day
      OR OLD.concluded_day IS NOT NEW.concluded_day
    BEGIN ${refresh('case_id = NEW.id')} END;
    CREATE TRIGGER cases_rated_delete AFTER DELETE ON cases BEGIN ${refresh('case_id = OLD.id')} END;
    CREATE TRIGGER tickets_rated_update AFTER UPDATE OF business_day ON tickets WHEN OLD.business_day IS NOT NEW.business_day
    BEGIN ${refresh('ticket_id = NEW.id')} END;

    CREATE TRIGGER case_daily_insert AFTER INSERT ON cases BEGIN ${caseDays('NEW', 1)} END;
    CREATE TRIGGER case_daily_update AFTER UPDATE OF business_day, accepted_day, concluded_day, item_code, village_code, due_date ON cases
    WHEN OLD.business_day IS NOT NEW.business_day OR OLD.accepted_day IS NOT NEW.accepted_day OR OLD.concluded_day IS NOT NEW.concluded_day
      OR OLD.item_code IS NOT NEW.item_code OR OLD.village_code IS NOT NEW.village_code OR OLD.due_date IS NOT NEW.due_date
    BEGIN ${caseDays('OLD', -1)} ${caseDays('NEW', 1)} END;
    CREATE TRIGGER case_daily_delete AFTER DELETE ON cases BEGIN ${caseDays('OLD', -1)} END;
  `);
}
