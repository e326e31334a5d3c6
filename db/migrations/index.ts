// Every migration in order. A new one is a new file here, never an edit of an old one.
import type { Db } from '../connection.js';
import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-queue.js';
import * as m0003 from './0003-outbox.js';
import * as m0004 from './0004-queue-history-index.js';
import * as m0005 from './0005-catalog.js';
import * as m0006 from './0006-calendar.js';
import * as m0007 from './0007-cases.js';
import * as m0008 from './0008-case-list-index.js';
import * as m0009 from './0009-ticket-issue-key.js';
import * as m0010 from './0010-citizen-ratings.js';
import * as m0011 from './0011-queue-opening-periods.js';
import * as m0012 from './0012-item-keywords.js';
import * as m0013 from './0013-villages.js';
import * as m0014 from './0014-rating-work-orders.js';
import * as m0015 from './0015-command-centre-figures.js';
import * as m0016 from './0016-rating-day-sums.js';
import * as m0017 from './0017-call-next-indexes.js';
import * as m0018 from './0018-drop-ratings-by-created.js';
import * as m0019 from './0019-case-group-sums.js';
import * as m0020 from './0020-queue-waiting-counts.js';
import * as m0021 from './0021-drop-unread-indexes.js';
import * as m0022 from './0022-sync-counts.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

export const migrations: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011, m0012, m0013, m0014, m0015, m0016, m0017, m0018, m0019, m0020, m0021, m0022];
